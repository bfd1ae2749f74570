"""VR Scale in CloudStack's own UI, against the real management server (Simulator hypervisor). Started by
`run.sh --ui`, which serves CloudStack's UI built with VR Scale's patch, and the VR Scale page, from the server.

Builds what an operator would have (a zone, profiles, an isolated network and a VPC, each with a running router, an
admin role without the scale API), then runs the two headless-Chromium tests with these resources
(ui/test/cloudstack-ui.real.test.mjs, ui/test/page.real.test.mjs) and checks through the API what they did.
Screenshots go to ui/target/real-ui/.
"""
import json
import os
import subprocess
import sys
import time

from cloudstack_api import CloudStack
from simulator import ENDPOINT, Server, Zone, log, wait_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("VRSCALE_SIM_WORK", "/tmp/vrscale-sim")


def vpc_with_router(api, zone, name):
    offering = api.list("listVPCOfferings", "vpcoffering", name="Default VPC offering", listall=None)[0]
    vpc = api.run("createVPC", name=name, displaytext=name, zoneid=zone.id, vpcofferingid=offering["id"],
                  cidr="10.20.0.0/16")["vpc"]
    routers = wait_for("the router of VPC %s Running" % name, lambda: [
        r for r in api.list("listRouters", "router", vpcid=vpc["id"]) if r["state"] == "Running"], 300, 3)
    return vpc, routers


def admin_without_scale(api):
    """An admin who sees every router, network and VPC, but whose role denies scaleVirtualRouterProfile."""
    role = api.call("createRole", name="ui-admin-no-vrscale", type="Admin",
                    description="an admin without VR Scale's scale API")["role"]
    api.call("createRolePermission", roleid=role["id"], rule="scaleVirtualRouterProfile", permission="deny")
    api.call("createRolePermission", roleid=role["id"], rule="*", permission="allow")
    api.call("createAccount", username="ui-noscale", password="Password1!", email="noscale@example.org",
             firstname="No", lastname="Scale", roleid=role["id"], account="ui-noscale")
    return {"username": "ui-noscale", "password": "Password1!"}


def run_browser_test(script, fixture_path):
    started = time.time()
    rc = subprocess.call(["node", os.path.join(ROOT, "ui", "test", script), fixture_path], cwd=os.path.join(ROOT, "ui"))
    log("%s: exit %d after %d s" % (script, rc, time.time() - started))
    return rc


def main():
    server = Server()
    server.start()
    try:
        server.wait_up()
        api = CloudStack(ENDPOINT).login_and_register_keys()
        zone = Zone(api).build()
        profiles = {}
        for name, cpus, mhz, memory in (("ui-medium", 2, 1000, 1024), ("ui-large", 2, 1000, 2048),
                                        ("ui-huge", 8, 2000, 16384)):
            profiles[name] = api.call("createVirtualRouterProfile", name=name, cpunumber=cpus, cpuspeed=mhz,
                                      memory=memory)["virtualrouterprofile"]
        offering = zone.network_offering("DefaultIsolatedNetworkOfferingWithSourceNatService")
        network, net_routers = zone.network_with_routers("ui-net", offering["id"], 1)
        vpc, vpc_routers = vpc_with_router(api, zone, "ui-vpc")
        page_network, _ = zone.network_with_routers("ui-page-net", offering["id"], 1)
        base = ENDPOINT.rsplit("/api", 1)[0] + "/"
        fixture = {
            "base": base,
            "admin": {"username": "admin", "password": "password"},
            "noScale": admin_without_scale(api),
            "network": {"id": network["id"], "name": network["name"]},
            "networkRouter": {"id": net_routers[0]["id"], "name": net_routers[0]["name"],
                              "offering": net_routers[0]["serviceofferingname"]},
            "vpc": {"id": vpc["id"], "name": vpc["name"]},
            "vpcRouter": {"id": vpc_routers[0]["id"], "name": vpc_routers[0]["name"]},
            "pageNetwork": {"id": page_network["id"], "name": page_network["name"]},
            "profiles": {name: {"id": p["id"], "name": p["name"], "cpunumber": p["cpunumber"],
                                "cpuspeed": p["cpuspeed"], "memory": p["memory"]} for name, p in profiles.items()},
            "screenshots": os.path.join(ROOT, "ui", "target", "real-ui"),
        }
        fixture_path = os.path.join(WORK, "ui-fixture.json")
        with open(fixture_path, "w") as f:
            json.dump(fixture, f, indent=2)
        log("fixture: %s" % fixture_path)

        failures = []
        for script in ("cloudstack-ui.real.test.mjs", "page.real.test.mjs"):
            if run_browser_test(script, fixture_path) != 0:
                failures.append(script)

        # What the browser tests did, as the API shows it: each router on the profile's offering, each binding.
        expected = ((network["id"], "networkid", "ui-medium"), (vpc["id"], "vpcid", "ui-large"),
                    (page_network["id"], "networkid", "ui-large"))
        for resource_id, param, profile in expected:
            routers = api.list("listRouters", "router", **{param: resource_id})
            offerings = sorted({(r["state"], r["serviceofferingname"]) for r in routers})
            bound = [p["name"] for p in api.list("listVirtualRouterProfiles", "virtualrouterprofile",
                                                 listall=None, **{param: resource_id})]
            ok = offerings == [("Running", profile)] and bound == [profile]
            log("%s %s: routers %s, bound %s: %s" % (param, resource_id, offerings, bound, "ok" if ok else "WRONG"))
            if not ok:
                failures.append("API check of %s=%s (want %s)" % (param, resource_id, profile))
        if failures:
            log("FAILED: %s" % ", ".join(failures))
            return 1
        log("the CloudStack UI scenario passed")
        return 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
