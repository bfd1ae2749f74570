"""The pieces suite.py drives: the management-server process, its database, a watcher of router states, and the
Simulator zone an operator would build through the API.
"""
import os
import signal
import subprocess
import threading
import time

from cloudstack_api import ApiError, CloudStack

WORK = os.environ.get("VRSCALE_SIM_WORK", "/tmp/vrscale-sim")
ENDPOINT = os.environ.get("VRSCALE_SIM_ENDPOINT", "http://127.0.0.1:8080/client/api")
DB_PORT = os.environ.get("VRSCALE_SIM_DB_PORT", "3306")
LOG = os.path.join(WORK, "logs", "management-server.log")


def log(message):
    print("[simulator-it %s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)


def wait_for(what, predicate, timeout, interval=2.0):
    """Polls predicate until it returns something truthy; returns it, or fails with what was awaited."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            last = predicate()
        except ApiError as e:
            last = e
        if last and not isinstance(last, Exception):
            return last
        time.sleep(interval)
    raise AssertionError("timed out after %d s waiting for %s (last: %r)" % (timeout, what, last))


class Database:
    """Read-only SQL an operator would run to see what the API does not show (VM details, plan progress)."""

    def query(self, sql):
        out = subprocess.run(["mariadb", "--no-defaults", "-uroot", "-h127.0.0.1", "-P" + DB_PORT, "-N", "-B",
                              "cloud", "-e", sql], check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def value(self, sql):
        rows = self.query(sql)
        return rows[0][0] if rows else None


class Server:
    """The management server started from run.sh's start-server.sh; its pid is kept in server.pid."""

    def __init__(self):
        self.process = None
        self.started_at = None

    def start(self):
        self.log_mark = self.log_size()
        self.process = subprocess.Popen([os.path.join(WORK, "start-server.sh")], start_new_session=True)
        with open(os.path.join(WORK, "server.pid"), "w") as f:
            f.write(str(self.process.pid))
        self.started_at = time.time()
        log("management server starting (pid %d)" % self.process.pid)

    def wait_up(self, timeout=420):
        def answering():
            if self.process.poll() is not None:
                raise AssertionError("the management server exited with %s; see %s" % (self.process.returncode, LOG))
            try:
                # A login only: registering keys again would void the keys the suite signs with.
                CloudStack(ENDPOINT, timeout=10).login()
                return True
            except Exception:
                return False
        wait_for("the management server's API", answering, timeout, 3)
        log("management server answers after %d s" % (time.time() - self.started_at))

    def stop(self, hard=False):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL if hard else signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(30)
        log("management server stopped%s" % (" (killed)" if hard else ""))

    @staticmethod
    def log_size():
        try:
            return os.path.getsize(LOG)
        except OSError:
            return 0

    @staticmethod
    def log_since(offset=0):
        try:
            with open(LOG, errors="replace") as f:
                f.seek(offset)
                return f.read()
        except OSError:
            return ""


class RouterWatch:
    """Samples every router's state from the database a few times a second while a scenario runs, so the suite
    counts reboots and checks that two members of a redundant pair were never down at once."""

    def __init__(self, db, interval=0.2):
        self.db = db
        self.interval = interval
        self.samples = []
        self._stop = threading.Event()
        self._thread = None

    def __enter__(self):
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(10)

    def _run(self):
        while not self._stop.is_set():
            try:
                rows = self.db.query("select uuid, state from vm_instance where type='DomainRouter' "
                                     "and removed is null")
                self.samples.append((time.time(), {uuid: state for uuid, state in rows}))
            except subprocess.CalledProcessError:
                pass
            self._stop.wait(self.interval)

    def states(self, router):
        """The router's successive distinct states."""
        seen = []
        for _, sample in self.samples:
            state = sample.get(router)
            if state is not None and (not seen or seen[-1] != state):
                seen.append(state)
        return seen

    def stops(self, router):
        """How many times the router went from running to stopped (Stopping or Stopped seen after Running)."""
        count = 0
        previous = None
        for state in self.states(router):
            if state in ("Stopping", "Stopped") and previous == "Running":
                count += 1
            previous = state
        return count

    def max_down_at_once(self, routers):
        """The largest number of the given routers seen not Running in one sample."""
        worst = 0
        for _, sample in self.samples:
            down = sum(1 for r in routers if r in sample and sample[r] != "Running")
            worst = max(worst, down)
        return worst


class Zone:
    """An Advanced zone on the Simulator hypervisor, built through the API as an operator would."""

    def __init__(self, api):
        self.api = api
        self.id = None

    def build(self, hosts=3):
        api = self.api
        started = time.time()
        zone = api.call("createZone", name="vrscale-sim", networktype="Advanced", dns1="10.147.28.6",
                        internaldns1="10.147.28.6", guestcidraddress="10.1.1.0/24", localstorageenabled=False)["zone"]
        self.id = zone["id"]
        pnet = api.run("createPhysicalNetwork", zoneid=self.id, name="vrscale-pnet", isolationmethods="VLAN",
                       broadcastdomainrange="Zone")["physicalnetwork"]
        for traffic in ("Guest", "Management", "Public"):
            api.run("addTrafficType", physicalnetworkid=pnet["id"], traffictype=traffic)
        api.run("updatePhysicalNetwork", id=pnet["id"], vlan="100-300", state="Enabled")
        for provider in ("VirtualRouter", "VpcVirtualRouter"):
            nsp = api.list("listNetworkServiceProviders", "networkserviceprovider", name=provider,
                           physicalnetworkid=pnet["id"], listall=None)[0]
            elements = api.list("listVirtualRouterElements", "virtualrouterelement", nspid=nsp["id"], listall=None)
            api.run("configureVirtualRouterElement", id=elements[0]["id"], enabled=True)
            api.run("updateNetworkServiceProvider", id=nsp["id"], state="Enabled")
        nsp = api.list("listNetworkServiceProviders", "networkserviceprovider", name="InternalLbVm",
                       physicalnetworkid=pnet["id"], listall=None)
        if nsp:
            elements = api.list("listInternalLoadBalancerElements", "internalloadbalancerelement",
                                nspid=nsp[0]["id"], listall=None)
            if elements:
                api.run("configureInternalLoadBalancerElement", id=elements[0]["id"], enabled=True)
            api.run("updateNetworkServiceProvider", id=nsp[0]["id"], state="Enabled")
        pod = api.call("createPod", zoneid=self.id, name="vrscale-pod", gateway="172.16.15.1",
                       netmask="255.255.255.0", startip="172.16.15.2", endip="172.16.15.200")["pod"]
        api.call("createVlanIpRange", zoneid=self.id, vlan="50", gateway="192.168.2.1", netmask="255.255.255.0",
                 startip="192.168.2.2", endip="192.168.2.200", forvirtualnetwork=True)
        cluster = api.call("addCluster", zoneid=self.id, podid=pod["id"], clustername="vrscale-c0",
                           hypervisor="Simulator", clustertype="CloudManaged")["cluster"][0]
        for n in range(hosts):
            api.call("addHost", zoneid=self.id, podid=pod["id"], clusterid=cluster["id"], hypervisor="Simulator",
                     url="http://sim/c0/h%d" % n, username="sim", password="sim")
        api.call("createStoragePool", zoneid=self.id, podid=pod["id"], clusterid=cluster["id"], name="vrscale-ps0",
                 url="nfs://10.147.28.6/export/home/sandbox/primary0")
        api.call("addImageStore", provider="NFS", zoneid=self.id, name="vrscale-ss0",
                 url="nfs://10.147.28.6/export/home/sandbox/secondary")
        api.call("updateZone", id=self.id, allocationstate="Enabled")
        wait_for("simulated hosts Up", lambda: len([h for h in api.list("listHosts", "host", type="Routing",
                                                                              zoneid=self.id, listall=None)
                                                    if h["state"] == "Up"]) == hosts, 180)
        wait_for("the guest template to be ready", lambda: self.template(), 300, 5)
        log("zone %s ready after %d s" % (self.id, time.time() - started))
        return self

    def reconnect_system_vms(self):
        """After a server restart: waits for the simulated hosts, and restarts a system VM whose agent the
        simulator left Disconnected (it does not reconnect by itself)."""
        api = self.api
        wait_for("simulated hosts Up after the restart", lambda: all(
            h["state"] == "Up" for h in api.list("listHosts", "host", type="Routing", zoneid=self.id, listall=None)),
            240, 3)
        for kind in ("SecondaryStorageVM", "ConsoleProxy"):
            for host in api.list("listHosts", "host", type=kind, zoneid=self.id, listall=None):
                if host["state"] == "Up":
                    continue
                for vm in api.list("listSystemVms", "systemvm", zoneid=self.id, listall=None):
                    if vm["name"] == host["name"] and vm["state"] == "Running":
                        api.run("stopSystemVm", id=vm["id"], forced=True)
                        api.run("startSystemVm", id=vm["id"])

    def template(self):
        for template in self.api.list("listTemplates", "template", templatefilter="featured", zoneid=self.id):
            if template.get("isready") and "Simulator" in template.get("name", "") and \
                    "SystemVM" not in template.get("name", ""):
                return template["id"]
        return None

    def service_offering(self, name="Small Instance"):
        for offering in self.api.list("listServiceOfferings", "serviceoffering"):
            if offering["name"] == name:
                return offering["id"]
        raise AssertionError("no service offering named " + name)

    def network_offering(self, name):
        offerings = self.api.list("listNetworkOfferings", "networkoffering", name=name, listall=None)
        if not offerings:
            raise AssertionError("no network offering named " + name)
        return offerings[0]

    def redundant_offering(self):
        """An isolated offering with redundant routers: no default isolated offering has them."""
        existing = self.api.list("listNetworkOfferings", "networkoffering", name="vrscale-redundant", listall=None)
        if existing:
            return existing[0]["id"]
        services = ["Dhcp", "Dns", "SourceNat", "StaticNat", "PortForwarding", "Firewall", "Vpn", "UserData"]
        params = {"name": "vrscale-redundant", "displaytext": "isolated, redundant routers", "guestiptype": "Isolated",
                  "traffictype": "GUEST", "supportedservices": ",".join(services),
                  "serviceCapabilityList[0].service": "SourceNat",
                  "serviceCapabilityList[0].capabilitytype": "RedundantRouter",
                  "serviceCapabilityList[0].capabilityvalue": "true",
                  "serviceCapabilityList[1].service": "SourceNat",
                  "serviceCapabilityList[1].capabilitytype": "SupportedSourceNatTypes",
                  "serviceCapabilityList[1].capabilityvalue": "peraccount"}
        for i, service in enumerate(services):
            params["serviceProviderList[%d].service" % i] = service
            params["serviceProviderList[%d].provider" % i] = "VirtualRouter"
        offering = self.api.call("createNetworkOffering", **params)["networkoffering"]
        self.api.call("updateNetworkOffering", id=offering["id"], state="Enabled")
        return offering["id"]

    def network_with_routers(self, name, offering_id, routers_expected):
        """An isolated network implemented by deploying one VM in it; returns (network, routers) once Running."""
        api = self.api
        network = api.call("createNetwork", name=name, displaytext=name, zoneid=self.id,
                           networkofferingid=offering_id)["network"]
        api.run("deployVirtualMachine", zoneid=self.id, serviceofferingid=self.service_offering(),
                templateid=self.template(), networkids=network["id"], name=name + "-vm")
        routers = wait_for("%d router(s) of %s Running" % (routers_expected, name),
                           lambda: self.running_routers(network["id"], routers_expected), 300, 3)
        return network, routers

    def running_routers(self, network_id, expected):
        routers = self.api.list("listRouters", "router", networkid=network_id)
        if len(routers) == expected and all(r["state"] == "Running" for r in routers):
            return routers
        return None
