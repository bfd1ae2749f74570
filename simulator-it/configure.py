"""Points a copy of CloudStack's built management-server configuration at the suite's own database port, log
directory and loopback HTTP port.

    configure.py CONF_DIR LOG_DIR DB_PORT HTTP_PORT [WEBAPP_DIR]

WEBAPP_DIR: serve this directory as the web application (a built UI plus WEB-INF) instead of the client jar's.
"""
import os
import re
import sys


def set_properties(path, values):
    """Sets key=value lines in a .properties file (replacing existing keys, appending missing ones)."""
    with open(path) as f:
        lines = f.read().splitlines()
    seen = set()
    out = []
    for line in lines:
        key = line.split("=", 1)[0].strip()
        if not line.lstrip().startswith("#") and key in values:
            out.append("%s=%s" % (key, values[key]))
            seen.add(key)
        else:
            out.append(line)
    out.extend("%s=%s" % (k, v) for k, v in values.items() if k not in seen)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main(conf, logs, db_port, http_port, webapp=""):
    set_properties(os.path.join(conf, "db.properties"), {
        "db.cloud.host": "127.0.0.1", "db.cloud.port": db_port,
        "db.usage.host": "127.0.0.1", "db.usage.port": db_port,
        "db.simulator.host": "127.0.0.1", "db.simulator.port": db_port,
        "cluster.node.IP": "127.0.0.1",
    })
    set_properties(os.path.join(conf, "server.properties"), {
        "bind.interface": "127.0.0.1", "http.port": http_port, "https.enable": "false",
        "access.log": os.path.join(logs, "access.log"),
        # Empty: the web application inside the client jar (nothing is installed under /usr/share).
        "webapp.dir": webapp,
    })
    log4j = os.path.join(conf, "log4j-cloud.xml")
    with open(log4j) as f:
        text = f.read()
    # Whatever file names the build substituted, the two rolling logs go to the suite's directory.
    for appender, name in (("FILE", "management-server.log"), ("APISERVER", "apilog.log")):
        path = os.path.join(logs, name)
        text, count = re.subn(r'(<RollingFile name="%s"[^>]*?)fileName="[^"]*" filePattern="[^"]*"' % appender,
                              r'\1fileName="%s" filePattern="%s.%%d{yyyy-MM-dd}.gz"' % (path, path), text)
        if count != 1:
            raise SystemExit("configure.py: no RollingFile %s in %s" % (appender, log4j))
    with open(log4j, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:6])
