"""VR Scale on a real CloudStack 4.22 management server (Simulator hypervisor), driven through its signed API as an
operator's CloudMonkey would. Started by run.sh, which provides the database and the server's start script.

Every scenario asserts what an operator sees: API answers and error codes, router state and offering, events, and
(where the API shows nothing) the database rows CloudStack itself reads. Scenarios run in order on one zone.
"""
import re
import sys
import time
import unittest

from cloudstack_api import ApiError, CloudStack, JobFailed
from simulator import Database, ENDPOINT, RouterWatch, Server, Zone, log, wait_for

PARAM_ERROR = 431
UNSUPPORTED_ACTION_ERROR = 432
INTERNAL_ERROR = 530
ACCOUNT_ERROR = 531

VR_SCALE_APIS = {
    "createVirtualRouterProfile": {"name", "displaytext", "cpunumber", "cpuspeed", "memory", "serviceofferingid",
                                   "storagetype", "conntrackmax", "conntrackbuckets", "nicqueues", "forced"},
    "listVirtualRouterProfiles": {"id", "name", "keyword", "page", "pagesize", "networkid", "vpcid"},
    "updateVirtualRouterProfile": {"id", "name", "displaytext", "resettuning", "conntrackmax", "forced"},
    "deleteVirtualRouterProfile": {"id", "forced"},
    "scaleVirtualRouterProfile": {"networkid", "vpcid", "routerid", "profileid", "dryrun"},
    "resetVirtualRouterProfile": {"networkid", "vpcid"},
    "getVirtualRouterDiagnosis": {"routerid", "networkid", "vpcid", "sampleseconds"},
    "clearVirtualRouterProfilePlan": {"networkid", "vpcid"},
}
DEFAULT_ROUTER_OFFERING = "System Offering For Software Router"


class Cloud:
    """What the scenarios share: the server, the API, the database and the zone."""
    server = Server()
    db = Database()
    api = None
    zone = None
    profiles = {}


def setUpModule():
    Cloud.server.start()
    Cloud.server.wait_up()
    Cloud.api = CloudStack(ENDPOINT).login_and_register_keys()
    Cloud.zone = Zone(Cloud.api).build()


def tearDownModule():
    Cloud.server.stop()


class VrScaleOnSimulator(unittest.TestCase):
    maxDiff = None

    # --- helpers ------------------------------------------------------------------------------------------------
    @property
    def api(self):
        return Cloud.api

    def assertApiError(self, code, call, *args, **kwargs):
        """The call fails with CloudStack's error code; returns the error text."""
        with self.assertRaises(ApiError) as caught:
            call(*args, **kwargs)
        self.assertEqual(code, caught.exception.code, "%s: %s" % (caught.exception.command, caught.exception.text))
        self.assertNotIn("Exception", caught.exception.text or "", "a stack trace leaked to the operator")
        return caught.exception.text

    def profile(self, name, cpus, mhz, memory, **tuning):
        if name not in Cloud.profiles:
            Cloud.profiles[name] = self.api.call("createVirtualRouterProfile", name=name, cpunumber=cpus,
                                                 cpuspeed=mhz, memory=memory, **tuning)["virtualrouterprofile"]
        return Cloud.profiles[name]

    def routers(self, network_id):
        return self.api.list("listRouters", "router", networkid=network_id)

    def offering_of(self, router):
        return router["serviceofferingid"]

    def nic_queues(self, router_uuid):
        return Cloud.db.value("select d.value from vm_instance_details d join vm_instance v on v.id=d.vm_id "
                              "where v.uuid='%s' and d.name='nic.multiqueue.number'" % router_uuid)

    def binding(self, network_uuid):
        return Cloud.db.value("select d.value from network_details d join networks n on n.id=d.network_id "
                              "where n.uuid='%s' and d.name='vrscaling.profile'" % network_uuid)

    def events(self, event_type, since=None):
        events = self.api.list("listEvents", "event", type=event_type, page=1, pagesize=500)
        return [e for e in events if since is None or e.get("created", "") >= since]

    @staticmethod
    def now():
        return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime())

    # --- 1: the module is there ---------------------------------------------------------------------------------
    def test_01_module_loads_and_its_apis_and_settings_are_listed(self):
        text = Server.log_since(0)
        self.assertIn("Loaded module context [vr-scaling]", text)
        self.assertNotIn("Failed to start module [vr-scaling]", text)
        apis = {a["name"]: a for a in self.api.list("listApis", "api", listall=None)}
        for name, params in VR_SCALE_APIS.items():
            self.assertIn(name, apis, "listApis does not show " + name)
            shown = {p["name"] for p in apis[name]["params"]}
            self.assertTrue(params <= shown, "%s lacks %s" % (name, params - shown))
            self.assertTrue(apis[name]["description"])
            for param in apis[name]["params"]:
                if param["name"] in ("page", "pagesize"):
                    continue  # inherited from CloudStack's BaseListCmd, which describes them
                self.assertTrue(param.get("description"), "%s.%s has no description" % (name, param["name"]))
        self.assertTrue(apis["scaleVirtualRouterProfile"]["isasync"])
        settings = {c["name"]: c for c in self.api.list("listConfigurations", "configuration", keyword="vrscaling")}
        for key in ("vrscaling.automatic.enabled", "vrscaling.presize.enabled", "vrscaling.rvr.role.wait.seconds",
                    "vrscaling.conntrack.memory.fraction", "vrscaling.scale.dryrun.default"):
            self.assertIn(key, settings)
        self.assertEqual("true", settings["vrscaling.automatic.enabled"]["value"])
        self.assertEqual("false", settings["vrscaling.presize.enabled"]["value"])

    # --- 2: profiles --------------------------------------------------------------------------------------------
    def test_02_profile_create_list_update_delete(self):
        created = self.api.call("createVirtualRouterProfile", name="it-crud", cpunumber=2, cpuspeed=1000,
                                memory=1024, conntrackmax=200000)["virtualrouterprofile"]
        self.assertEqual(2, created["cpunumber"])
        self.assertEqual(1024, created["memory"])
        listed = self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", id=created["id"], listall=None)
        self.assertEqual(["it-crud"], [p["name"] for p in listed])
        offering = self.api.list("listServiceOfferings", "serviceoffering", id=created["id"], issystem=True,
                                 listall=None)
        self.assertEqual(1, len(offering), "the profile is a system offering CloudStack lists")
        updated = self.api.call("updateVirtualRouterProfile", id=created["id"], name="it-crud-2",
                                conntrackmax=150000)["virtualrouterprofile"]
        self.assertEqual("it-crud-2", updated["name"])
        self.assertIn("150000", str(updated["tuning"]))
        self.assertTrue(self.api.call("deleteVirtualRouterProfile", id=created["id"])["success"])
        self.assertEqual([], self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", id=created["id"],
                                           listall=None))
        for kind in ("VRSCALING.PROFILE.CREATE", "VRSCALING.PROFILE.UPDATE", "VRSCALING.PROFILE.DELETE"):
            self.assertTrue(self.events(kind), "no %s event in listEvents" % kind)

    def test_03_bad_profile_input_is_refused_and_changes_nothing(self):
        kept = self.profile("it-kept", 1, 1000, 512)
        before = sorted(p["id"] for p in self.api.list("listVirtualRouterProfiles", "virtualrouterprofile",
                                                        listall=None))
        call = self.api.call
        self.assertApiError(PARAM_ERROR, call, "createVirtualRouterProfile", name="it-small", cpunumber=1,
                            cpuspeed=500, memory=128)
        self.assertApiError(PARAM_ERROR, call, "createVirtualRouterProfile", name="it-nosize")
        self.assertApiError(PARAM_ERROR, call, "createVirtualRouterProfile", name="it-range", cpunumber=1,
                            cpuspeed=1000, memory=512, conntrackmax=-5)
        self.assertApiError(PARAM_ERROR, call, "createVirtualRouterProfile", name="it-storage", cpunumber=1,
                            cpuspeed=1000, memory=512, storagetype="tape")
        small = self.api.list("listServiceOfferings", "serviceoffering", name="Small Instance", listall=None)[0]
        self.assertApiError(PARAM_ERROR, call, "createVirtualRouterProfile", name="it-adopt",
                            serviceofferingid=small["id"])
        # A table the profile's RAM cannot hold: the router would panic at every boot (vm.panic_on_oom=1).
        text = self.assertApiError(PARAM_ERROR, call, "createVirtualRouterProfile", name="it-oom", cpunumber=1,
                                   cpuspeed=1000, memory=256, conntrackmax=67108864, conntrackbuckets=16777216)
        self.assertIn("the budget is 64.0 MiB", text)
        self.assertIn("forced=true", text)
        self.assertApiError(PARAM_ERROR, call, "updateVirtualRouterProfile", id=kept["id"], conntrackmax=67108864)
        # Names are unique among profiles.
        text = self.assertApiError(PARAM_ERROR, call, "createVirtualRouterProfile", name="it-kept", cpunumber=1,
                                   cpuspeed=1000, memory=512)
        self.assertIn(kept["id"], text)
        self.assertApiError(PARAM_ERROR, call, "updateVirtualRouterProfile", id=kept["id"], memory=1024)
        self.assertApiError(PARAM_ERROR, call, "deleteVirtualRouterProfile", id=small["id"])
        self.assertApiError(PARAM_ERROR, self.api.run, "scaleVirtualRouterProfile", profileid=kept["id"])
        after = self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", listall=None)
        self.assertEqual(before, sorted(p["id"] for p in after))
        self.assertEqual(512, self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", id=kept["id"],
                                            listall=None)[0]["memory"])

    def test_04_an_over_budget_profile_is_accepted_only_when_forced_and_says_so(self):
        since = self.now()
        forced = self.api.call("createVirtualRouterProfile", name="it-forced", cpunumber=1, cpuspeed=1000,
                               memory=256, conntrackmax=4000000, forced=True)["virtualrouterprofile"]
        log("forced profile: %s" % {k: v for k, v in forced.items() if k.startswith("conntrack")})
        self.assertTrue(forced["conntrackforced"])
        self.assertFalse(forced["conntrackfits"])
        listed = self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", id=forced["id"], listall=None)[0]
        self.assertFalse(listed["conntrackfits"])
        self.assertTrue([e for e in self.events("VRSCALING.PROFILE.CREATE", since)
                         if "forced=true" in e.get("description", "")], "the event does not record forced=true")
        self.assertTrue(self.api.call("deleteVirtualRouterProfile", id=forced["id"])["success"])

    # --- 3: scaling an isolated network -------------------------------------------------------------------------
    def test_10_isolated_network_dry_run_then_scale(self):
        offering = Cloud.zone.network_offering("DefaultIsolatedNetworkOfferingWithSourceNatService")
        network, routers = Cloud.zone.network_with_routers("it-iso", offering["id"], 1)
        Cloud.isolated = network
        router = routers[0]
        default_offering = self.offering_of(router)
        profile = self.profile("it-medium", 2, 1000, 1024)

        with RouterWatch(Cloud.db) as watch:
            plan = self.api.run("scaleVirtualRouterProfile", networkid=network["id"], profileid=profile["id"],
                                dryrun=True)
        log("dry run: %s" % plan)
        self.assertEqual(0, watch.stops(router["id"]), "a dry run restarted the router")
        # nic.multiqueue.number is a KVM setting: on any other hypervisor the plan promises no queues and says so.
        planned = next(iter(plan.values()))
        self.assertNotIn("SET_NIC_QUEUES", planned["router"][0]["plannedsteps"])
        self.assertTrue(any("NIC queues on Simulator are left alone" in w for w in planned["warnings"]),
                        planned["warnings"])
        self.assertEqual(default_offering, self.offering_of(self.routers(network["id"])[0]))
        self.assertIsNone(self.binding(network["id"]), "a dry run bound the profile")
        self.assertEqual([], self.api.list("listVirtualRouterProfiles", "virtualrouterprofile",
                                           networkid=network["id"], listall=None), "an unbound network shows a profile")

        since = self.now()
        with RouterWatch(Cloud.db) as watch:
            result = self.api.run("scaleVirtualRouterProfile", networkid=network["id"], profileid=profile["id"],
                                  dryrun=False)
        log("scale: %s" % result)
        self.assertEqual(1, watch.stops(router["id"]), "the router was not restarted exactly once: %s"
                         % watch.states(router["id"]))
        now = self.routers(network["id"])[0]
        self.assertEqual("Running", now["state"])
        self.assertEqual(profile["id"], now["serviceofferingid"])
        self.assertIsNone(self.nic_queues(router["id"]), "a queue count was set on a Simulator router")
        self.assertEqual(profile["id"], self.binding(network["id"]))
        # The binding as the UI reads it: the network's profile, by networkid.
        bound = self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", networkid=network["id"],
                              listall=None)
        self.assertEqual([profile["id"]], [p["id"] for p in bound])
        scale = next(iter(result.values()))
        tuning = [r for r in scale["router"]]
        self.assertEqual(1, len(tuning))
        self.assertFalse(tuning[0]["tuningdelivered"], "tuning reported as delivered on a simulated host")
        self.assertIn("no delivery path for hypervisor Simulator", tuning[0]["tuningmessage"])
        self.assertTrue(any("Tuning not delivered" in w for w in scale["warnings"]), scale["warnings"])
        self.assertTrue(self.events("VRSCALING.SCALE", since), "no VRSCALING.SCALE event")

    def test_11_scale_input_errors_change_nothing(self):
        network = Cloud.isolated
        profile = self.profile("it-medium", 2, 1000, 1024)
        run = self.api.run
        self.assertApiError(PARAM_ERROR, run, "scaleVirtualRouterProfile", networkid=network["id"],
                            vpcid=network["id"], profileid=profile["id"])
        self.assertApiError(PARAM_ERROR, run, "scaleVirtualRouterProfile", networkid=network["id"],
                            profileid=Cloud.zone.service_offering())
        self.assertApiError(UNSUPPORTED_ACTION_ERROR, self.api.call, "deleteVirtualRouterProfile",
                            id=profile["id"])
        self.assertEqual(profile["id"], self.routers(network["id"])[0]["serviceofferingid"])

    def test_12_diagnosis_on_a_simulated_router_is_a_clear_answer(self):
        result = self.api.run("getVirtualRouterDiagnosis", networkid=Cloud.isolated["id"], sampleseconds=0)
        log("diagnosis: %s" % result)
        routers = result["virtualrouterdiagnosis"]["router"]
        self.assertEqual(1, len(routers))
        self.assertFalse(routers[0]["measured"], "a simulated router cannot have been measured")
        self.assertIn("no delivery path for hypervisor Simulator", routers[0]["message"])
        self.assertNotIn("Exception", str(result))

    # --- 4: a redundant pair ------------------------------------------------------------------------------------
    def test_20_redundant_pair_is_rescaled_one_member_at_a_time(self):
        network, routers = Cloud.zone.network_with_routers("it-rvr", Cloud.zone.redundant_offering(), 2)
        Cloud.redundant = network
        profile = self.profile("it-medium", 2, 1000, 1024)
        pair = [r["id"] for r in routers]
        roles = {r["id"]: r.get("redundantstate") for r in routers}
        log("redundant pair before: %s" % roles)
        with RouterWatch(Cloud.db) as watch:
            result = self.api.run("scaleVirtualRouterProfile", networkid=network["id"], profileid=profile["id"])
        scale = next(iter(result.values()))
        log("redundant scale: %s" % [(r["name"], r.get("role"), r.get("stepsdone")) for r in scale["router"]])
        # The first member's role comes from the router itself (CheckRouterCommand), not from the stale column.
        self.assertIn("asked the router", str(scale["router"][0].get("note")), scale["router"][0])
        for router in pair:
            self.assertEqual(1, watch.stops(router), "%s: %s" % (router, watch.states(router)))
        self.assertEqual(1, watch.max_down_at_once(pair), "both members of the pair were down at once")
        order = [r["id"] for r in scale["router"]]
        stopped_first = min(pair, key=lambda r: next(t for t, sample in watch.samples if sample.get(r) != "Running"))
        self.assertEqual(order[0], stopped_first, "the plan's order is not the order routers were stopped in")
        if "PRIMARY" in roles.values():
            self.assertEqual("PRIMARY", roles[order[-1]], "the PRIMARY was not rescaled last")
        for router in self.routers(network["id"]):
            self.assertEqual("Running", router["state"])
            self.assertEqual(profile["id"], router["serviceofferingid"])

    # --- 5: CloudStack recreates the routers ----------------------------------------------------------------------
    def wait_rescaled(self, network_id, profile_id, old_ids, count=1, timeout=300):
        """Waits until the network's routers are new ones, Running at the profile, with no plan running."""
        def settled():
            routers = self.routers(network_id)
            if len(routers) != count or any(r["id"] in old_ids for r in routers):
                return None
            if any(r["state"] != "Running" or r["serviceofferingid"] != profile_id for r in routers):
                return None
            state = Cloud.db.value("select d.value from network_details d join networks n on n.id=d.network_id "
                                   "where n.uuid='%s' and d.name='vrscaling.state'" % network_id)
            return routers if state != "RUNNING" else None
        return wait_for("new routers of %s at profile %s" % (network_id, profile_id), settled, timeout, 3)

    def test_30_restart_with_cleanup_brings_the_profile_back_by_itself(self):
        network = Cloud.isolated
        profile = self.profile("it-medium", 2, 1000, 1024)
        old = [r["id"] for r in self.routers(network["id"])]
        since = self.now()
        with RouterWatch(Cloud.db) as watch:
            self.api.run("restartNetwork", id=network["id"], cleanup=True)
            new = self.wait_rescaled(network["id"], profile["id"], old)
        router = new[0]["id"]
        log("after restart cleanup: %s %s" % (router, watch.states(router)))
        # Born at CloudStack's offering, then one rolling reboot to the profile (pre-sizing off).
        self.assertEqual(1, watch.stops(router), watch.states(router))
        self.assertIsNone(self.nic_queues(router), "the start hook set a queue count on a Simulator router")
        self.assertTrue(self.events("VRSCALING.RECONCILE", since), "no VRSCALING.RECONCILE event")

    def test_31_presizing_makes_recreated_routers_born_at_the_profile_and_reset_undoes_it(self):
        network = Cloud.isolated
        profile = self.profile("it-medium", 2, 1000, 1024)
        source_offering = self.api.list("listNetworks", "network", id=network["id"])[0]["networkofferingid"]
        self.api.call("updateConfiguration", name="vrscaling.presize.enabled", value="true", zoneid=Cloud.zone.id)
        try:
            # Routers already run the profile: the scale pushes tuning only, and switches the offering.
            with RouterWatch(Cloud.db) as watch:
                result = self.api.run("scaleVirtualRouterProfile", networkid=network["id"], profileid=profile["id"])
            self.assertEqual(0, sum(watch.stops(r["id"]) for r in self.routers(network["id"])))
            log("presize scale warnings: %s" % next(iter(result.values()))["warnings"])
            derived = self.api.list("listNetworks", "network", id=network["id"])[0]
            self.assertNotEqual(source_offering, derived["networkofferingid"], "the network was not switched")
            self.assertTrue(derived["networkofferingname"].startswith("VRScale-"), derived["networkofferingname"])

            old = [r["id"] for r in self.routers(network["id"])]
            with RouterWatch(Cloud.db) as watch:
                self.api.run("restartNetwork", id=network["id"], cleanup=True)
                new = self.wait_rescaled(network["id"], profile["id"], old)
            self.assertEqual(0, watch.stops(new[0]["id"]), "a pre-sized router was rebooted again: %s"
                             % watch.states(new[0]["id"]))

            self.assertTrue(self.api.call("resetVirtualRouterProfile", networkid=network["id"])["success"])
            after = self.api.list("listNetworks", "network", id=network["id"])[0]
            self.assertEqual(source_offering, after["networkofferingid"], "reset did not switch the offering back")
            self.assertIsNone(self.binding(network["id"]))
            copies = [o for o in self.api.list("listNetworkOfferings", "networkoffering", listall=None)
                      if o["name"].startswith("VRScale-")]
            self.assertEqual([], copies, "the derived offering is still there after reset")

            old = [r["id"] for r in self.routers(network["id"])]
            self.api.run("restartNetwork", id=network["id"], cleanup=True)
            default = wait_for("the recreated router at CloudStack's default", lambda: [
                r for r in self.routers(network["id"]) if r["id"] not in old and r["state"] == "Running"], 300, 3)
            self.assertEqual(DEFAULT_ROUTER_OFFERING, default[0]["serviceofferingname"])
        finally:
            self.api.call("updateConfiguration", name="vrscaling.presize.enabled", value="false",
                          zoneid=Cloud.zone.id)

    # --- 6: never two actors on one router ------------------------------------------------------------------------
    def test_40_two_scale_calls_at_once_run_one_plan(self):
        network = Cloud.isolated
        large = self.profile("it-large", 2, 1000, 1536)
        router = self.routers(network["id"])[0]["id"]
        with RouterWatch(Cloud.db) as watch:
            jobs = [self.api.start("scaleVirtualRouterProfile", networkid=network["id"], profileid=large["id"])
                    for _ in range(2)]
            outcomes = []
            for job in jobs:
                try:
                    outcomes.append(("ok", self.api.wait_job(job)))
                except JobFailed as e:
                    outcomes.append(("failed", e))
        log("two scales: %s" % [(o[0], getattr(o[1], "text", None)) for o in outcomes])
        self.assertEqual(1, watch.stops(router), "the router was restarted %d times: %s"
                         % (watch.stops(router), watch.states(router)))
        self.assertIn("ok", [o[0] for o in outcomes])
        for kind, outcome in outcomes:
            if kind == "failed":
                self.assertEqual(UNSUPPORTED_ACTION_ERROR, outcome.code, outcome.text)
        now = self.routers(network["id"])[0]
        self.assertEqual(("Running", large["id"]), (now["state"], now["serviceofferingid"]))
        self.assertEqual(large["id"], self.binding(network["id"]))

    def test_41_a_scale_during_restart_network_is_refused(self):
        network = Cloud.isolated
        medium = self.profile("it-medium", 2, 1000, 1024)
        restart = self.api.start("restartNetwork", id=network["id"], cleanup=True)
        time.sleep(1)
        with self.assertRaises(JobFailed) as caught:
            self.api.run("scaleVirtualRouterProfile", networkid=network["id"], profileid=medium["id"])
        self.assertEqual(UNSUPPORTED_ACTION_ERROR, caught.exception.code, caught.exception.text)
        self.assertIn("CloudStack job", caught.exception.text)
        self.api.wait_job(restart)
        # The binding did not move: the automatic path brings the new router back to the bound profile.
        large = Cloud.profiles["it-large"]
        self.assertEqual(large["id"], self.binding(network["id"]))
        self.wait_rescaled(network["id"], large["id"], [])

    def test_42_a_plan_running_when_start_up_recovery_runs_is_left_alone(self):
        # Seen on the real server: recovery started a router that a plan begun after the boot was restarting.
        # The redundant pair's plan takes long enough (two members, role waits) to be running when recovery runs.
        network = Cloud.redundant
        large = self.profile("it-large", 2, 1000, 1536)
        Cloud.server.stop()
        Cloud.server.start()
        Cloud.server.wait_up()
        Cloud.zone.reconnect_system_vms()
        scheduled = wait_for("the recovery's schedule in the log", lambda: re.search(
            r"^(\S+ \S+),\d+ .*VR Scale start-up recovery of interrupted scale plans runs in (\d+) s",
            Server.log_since(Cloud.server.log_mark), re.M), 60, 1)
        runs_at = time.mktime(time.strptime(scheduled.group(1), "%Y-%m-%d %H:%M:%S")) + int(scheduled.group(2))
        pair = [r["id"] for r in self.routers(network["id"])]
        if runs_at - 8 > time.time():
            time.sleep(runs_at - 8 - time.time())
        mark = Server.log_size()
        with RouterWatch(Cloud.db) as watch:
            result = self.api.run("scaleVirtualRouterProfile", networkid=network["id"], profileid=large["id"])
        log("scale across the recovery: %s" % next(iter(result.values()))["warnings"])
        during = Server.log_since(mark)
        self.assertIn("began after this management server started: left to run", during,
                      "start-up recovery did not run while the plan was running")
        self.assertNotIn("cleaned up: Interrupted", during)
        for router in pair:
            self.assertEqual(1, watch.stops(router), watch.states(router))
        self.assertEqual(1, watch.max_down_at_once(pair))
        for router in self.routers(network["id"]):
            self.assertEqual(("Running", large["id"]), (router["state"], router["serviceofferingid"]))

    def test_50_server_killed_mid_plan_recovers_its_routers(self):
        network = Cloud.isolated
        bound = self.binding(network["id"])
        other = next(p for p in (Cloud.profiles["it-medium"], Cloud.profiles["it-large"]) if p["id"] != bound)
        router = self.routers(network["id"])[0]["id"]
        job = self.api.start("scaleVirtualRouterProfile", networkid=network["id"], profileid=other["id"])
        wait_for("the plan to stop the router", lambda: Cloud.db.value(
            "select state from vm_instance where uuid='%s'" % router) in ("Stopping", "Stopped"), 60, 0.2)
        Cloud.server.stop(hard=True)
        state = Cloud.db.value("select state from vm_instance where uuid='%s'" % router)
        log("server killed with the router %s, job %s" % (state, job))
        Cloud.server.start()
        Cloud.server.wait_up()
        Cloud.zone.reconnect_system_vms()
        # The documented recovery: 120 s after the start the plan is marked FAILED with a note and a
        # VRSCALING.RECOVERY event, and the routers it had stopped are started again; the binding did not move, so
        # the automatic path then brings them back to the bound profile.
        event = wait_for("the VRSCALING.RECOVERY event", lambda: [
            e for e in self.events("VRSCALING.RECOVERY") if "Interrupted at step" in e.get("description", "")],
            300, 5)
        log("recovery: %s" % event[0]["description"])
        self.assertEqual(bound, self.binding(network["id"]))
        self.wait_rescaled(network["id"], bound, [])

    # --- 7: a plan the cloud cannot carry -------------------------------------------------------------------------
    def test_51_an_admin_clears_a_plan_its_server_no_longer_runs(self):
        network = Cloud.isolated
        with self.assertRaises(JobFailed) as caught:
            self.api.run("clearVirtualRouterProfilePlan", networkid=network["id"])
        self.assertEqual(UNSUPPORTED_ACTION_ERROR, caught.exception.code, caught.exception.text)
        self.assertIn("no VR Scale plan is recorded RUNNING", caught.exception.text)
        bound = self.binding(network["id"])
        other = next(p for p in (Cloud.profiles["it-medium"], Cloud.profiles["it-large"]) if p["id"] != bound)
        router = self.routers(network["id"])[0]["id"]
        self.api.start("scaleVirtualRouterProfile", networkid=network["id"], profileid=other["id"])
        wait_for("the plan to stop the router", lambda: Cloud.db.value(
            "select state from vm_instance where uuid='%s'" % router) in ("Stopping", "Stopped"), 60, 0.2)
        Cloud.server.stop(hard=True)
        Cloud.server.start()
        Cloud.server.wait_up()
        Cloud.zone.reconnect_system_vms()
        # Well before the 120 s start-up recovery: the admin ends the plan by hand.
        result = self.api.run("clearVirtualRouterProfilePlan", networkid=network["id"])
        text = result["virtualrouterplan"]["note"]
        log("cleared: %s" % text)
        self.assertIn("an administrator cleared it", text)
        self.assertEqual("FAILED", Cloud.db.value(
            "select d.value from network_details d join networks n on n.id=d.network_id where n.uuid='%s' and "
            "d.name='vrscaling.state'" % network["id"]))
        wait_for("the router Running again", lambda: self.routers(network["id"])[0]["state"] == "Running", 120, 2)
        self.assertTrue([e for e in self.events("VRSCALING.RECOVERY") if "an administrator cleared it"
                         in e.get("description", "")])
        # The binding did not move: the automatic path brings the router back to the bound profile.
        self.assertEqual(bound, self.binding(network["id"]))
        self.wait_rescaled(network["id"], bound, [])

    # --- 7: a plan the cloud cannot carry -------------------------------------------------------------------------
    def test_60_a_profile_no_host_can_carry_is_refused_before_anything_stops(self):
        network = Cloud.isolated
        huge = self.profile("it-huge", 8, 2000, 16384)
        before = self.routers(network["id"])[0]
        bound_before = self.binding(network["id"])
        with RouterWatch(Cloud.db) as watch:
            for dry_run in ("true", "false"):
                with self.assertRaises(JobFailed) as caught:
                    self.api.run("scaleVirtualRouterProfile", networkid=network["id"], profileid=huge["id"],
                                 dryrun=dry_run)
                log("huge (dryrun=%s): %s %s" % (dry_run, caught.exception.code, caught.exception.text))
                self.assertEqual(UNSUPPORTED_ACTION_ERROR, caught.exception.code, caught.exception.text)
                self.assertIn("needs 8 x 2000 MHz and 16384 MiB (profile it-huge)", caught.exception.text)
                self.assertNotIn("Exception", caught.exception.text)
        after = self.routers(network["id"])[0]
        self.assertEqual(("Running", before["serviceofferingid"]), (after["state"], after["serviceofferingid"]))
        self.assertEqual(bound_before, self.binding(network["id"]))
        self.assertEqual(0, watch.stops(before["id"]), watch.states(before["id"]))

    # --- 8: who may act on what ------------------------------------------------------------------------------------
    def domain_admin(self):
        """A domain admin of a domain of its own, with a custom DomainAdmin role that explicitly allows every VR
        Scale API (as an operator would grant them), and signed API keys."""
        api = self.api
        domain = api.call("createDomain", name="vrscale-d1")["domain"]
        role = api.call("createRole", name="vrscale-domain-operator", type="DomainAdmin",
                        description="domain admin allowed VR Scale")["role"]
        for rule in list(VR_SCALE_APIS) + ["queryAsyncJobResult", "listRouters", "listNetworks"]:
            api.call("createRolePermission", roleid=role["id"], rule=rule, permission="allow")
        account = api.call("createAccount", username="vrscale-dadmin", password="Password1!",
                           email="dadmin@example.org", firstname="Domain", lastname="Admin", roleid=role["id"],
                           domainid=domain["id"], account="vrscale-dadmin")["account"]
        keys = api.call("registerUserKeys", id=account["user"][0]["id"])["userkeys"]
        return domain, account, CloudStack(ENDPOINT, keys["apikey"], keys["secretkey"])

    def test_70_a_domain_admin_acts_only_inside_their_domain(self):
        network = Cloud.isolated
        profile = self.profile("it-medium", 2, 1000, 1024)
        domain, account, dadmin = self.domain_admin()
        router = self.routers(network["id"])[0]
        bound = self.binding(network["id"])
        since = self.now()
        with RouterWatch(Cloud.db) as watch:
            # The role allows the APIs; CloudStack's own access check still refuses a network of another domain,
            # before any job is queued.
            for dry_run in ("true", "false"):
                text = self.assertApiError(ACCOUNT_ERROR, dadmin.call, "scaleVirtualRouterProfile",
                                           networkid=network["id"], profileid=profile["id"], dryrun=dry_run)
                log("domain admin, scale (dryrun=%s): %s" % (dry_run, text))
            self.assertApiError(ACCOUNT_ERROR, dadmin.call, "scaleVirtualRouterProfile", routerid=router["id"],
                                profileid=profile["id"])
            self.assertApiError(ACCOUNT_ERROR, dadmin.call, "resetVirtualRouterProfile", networkid=network["id"])
            self.assertApiError(ACCOUNT_ERROR, dadmin.call, "clearVirtualRouterProfilePlan", networkid=network["id"])
            self.assertApiError(ACCOUNT_ERROR, dadmin.call, "getVirtualRouterDiagnosis", routerid=router["id"])
            # Profiles are cloud-wide system offerings: a root admin's alone to change.
            text = self.assertApiError(ACCOUNT_ERROR, dadmin.call, "createVirtualRouterProfile", name="it-dadmin",
                                       cpunumber=1, cpuspeed=500, memory=512)
            self.assertIn("Only a root administrator", text)
            self.assertApiError(ACCOUNT_ERROR, dadmin.call, "updateVirtualRouterProfile", id=profile["id"],
                                displaytext="changed by a domain admin")
            self.assertApiError(ACCOUNT_ERROR, dadmin.call, "deleteVirtualRouterProfile", id=profile["id"])
            # Listing is allowed: the domain admin picks a profile for their own networks from it.
            self.assertTrue(dadmin.list("listVirtualRouterProfiles", "virtualrouterprofile", id=profile["id"],
                                        listall=None))
            # ... but not which profile another domain's network is bound to.
            self.assertApiError(ACCOUNT_ERROR, dadmin.call, "listVirtualRouterProfiles", networkid=network["id"])
        self.assertEqual(0, watch.stops(router["id"]), watch.states(router["id"]))
        self.assertEqual(bound, self.binding(network["id"]))
        self.assertEqual(router["serviceofferingid"], self.routers(network["id"])[0]["serviceofferingid"])
        self.assertFalse(self.events("VRSCALING.SCALE", since), "a refused call ran a scale")
        kept = self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", id=profile["id"], listall=None)
        self.assertNotEqual("changed by a domain admin", kept[0].get("displaytext"))
        self.assertFalse(self.api.list("listVirtualRouterProfiles", "virtualrouterprofile", name="it-dadmin",
                                       listall=None), "a domain admin created a profile")
        # Inside their own domain the same domain admin may plan a scale; its event is filed under the owner.
        own = self.api.call("createNetwork", name="it-d1", displaytext="it-d1", zoneid=Cloud.zone.id,
                            networkofferingid=Cloud.zone.network_offering(
                                "DefaultIsolatedNetworkOfferingWithSourceNatService")["id"],
                            account=account["name"], domainid=domain["id"])["network"]
        self.api.run("deployVirtualMachine", zoneid=Cloud.zone.id, serviceofferingid=Cloud.zone.service_offering(),
                     templateid=Cloud.zone.template(), networkids=own["id"], name="it-d1-vm", account=account["name"],
                     domainid=domain["id"])
        wait_for("the router of it-d1 Running", lambda: Cloud.zone.running_routers(own["id"], 1), 300, 3)
        plan = dadmin.run("scaleVirtualRouterProfile", networkid=own["id"], profileid=profile["id"], dryrun=True)
        log("domain admin, own network, dry run: %s" % plan)
        self.assertTrue(next(iter(plan.values()))["dryrun"])
        self.assertIsNone(self.binding(own["id"]), "a dry run bound the profile")
        self.assertEqual([], dadmin.list("listVirtualRouterProfiles", "virtualrouterprofile", networkid=own["id"],
                                         listall=None))
        owned = [e for e in self.events("VRSCALING.SCALE", since) if e.get("account") == account["name"]]
        self.assertTrue(owned, "the scale event is not filed under the network's owner")

    # --- 9: everything left a trace -------------------------------------------------------------------------------
    def test_90_every_action_is_in_list_events(self):
        for kind in ("VRSCALING.PROFILE.CREATE", "VRSCALING.PROFILE.UPDATE", "VRSCALING.PROFILE.DELETE",
                     "VRSCALING.SCALE", "VRSCALING.PROFILE.RESET", "VRSCALING.RECONCILE", "VRSCALING.RECOVERY",
                     "VRSCALING.PLAN.CLEAR"):
            self.assertTrue(self.events(kind), "no %s event in listEvents" % kind)
        for event in self.events("VRSCALING.SCALE"):
            self.assertNotIn("Exception", event.get("description", ""))


def main():
    started = time.time()
    loader = unittest.TestLoader()
    # -k PATTERN (repeatable): only the scenarios whose name contains a pattern, as with unittest's own -k.
    args = sys.argv[1:]
    patterns = [args[i + 1] for i, a in enumerate(args[:-1]) if a == "-k"]
    if patterns:
        loader.testNamePatterns = ["*%s*" % p for p in patterns]
    suite = loader.loadTestsFromTestCase(VrScaleOnSimulator)
    result = unittest.TextTestRunner(verbosity=2, failfast=False).run(suite)
    failed = len(result.failures) + len(result.errors)
    print("simulator-it: %d passed, %d failed in %d s" % (result.testsRun - failed, failed, time.time() - started))
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
