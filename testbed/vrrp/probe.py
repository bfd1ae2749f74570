#!/usr/bin/env python3
"""Traffic probes and the analysis of bench-failover.sh (host side, standard library only).

  udp-send DST PORT INTERVAL OUT     sequence-numbered UDP datagrams at a fixed rate; logs "seq send_time"
  udp-recv PORT OUT                  logs "seq recv_time" for every datagram received
  tcp-server PORT                    per connection: "echo" echoes lines, "push" sends a line every 100 ms
  tcp-flows DST PORT N_ECHO N_PUSH STATUS
                                     long-lived flows; STATUS (JSON, rewritten every 0.5 s) says per flow whether it
                                     broke and when it last received data. Echo flows are driven by the client
                                     (a line every 200 ms), push flows by the server (the client only ACKs)
  vrrp-watch IFACE OUT               logs "time source priority" for every VRRP advert seen on IFACE
  analyze EVENTS UDP_SENT UDP_RECV VRRP FLOWS_DIR LABEL...
                                     one report per sequence (the window between "begin LABEL" and "end LABEL")
All times are the host's time.time(); every probe runs on the host, in the benchmark's namespaces.
"""
import json
import os
import signal
import socket
import struct
import sys
import threading
import time

stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())


def udp_send(dst, port, interval, out):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    seq = 0
    start = time.time()
    with open(out, "w") as log:
        last_flush = start
        while not stop.is_set():
            now = time.time()
            try:
                sock.sendto(struct.pack("!Q", seq) + b"x" * 56, (dst, port))
            except OSError:
                pass  # no route while nobody answers ARP: still counted as sent
            log.write("%d %.6f\n" % (seq, now))
            seq += 1
            if now - last_flush > 1:
                log.flush()
                last_flush = now
            # Absolute schedule: a late wake-up does not shift the following datagrams.
            delay = start + seq * interval - time.time()
            if delay > 0:
                stop.wait(delay)


def udp_recv(port, out):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("0.0.0.0", port))
    sock.settimeout(0.5)
    with open(out, "w") as log:
        last_flush = time.time()
        while not stop.is_set():
            try:
                data, _ = sock.recvfrom(2048)
            except socket.timeout:
                data = None
            now = time.time()
            if data and len(data) >= 8:
                log.write("%d %.6f\n" % (struct.unpack("!Q", data[:8])[0], now))
            if now - last_flush > 1:
                log.flush()
                last_flush = now


def tcp_server(port):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("0.0.0.0", port))
    srv.listen(64)
    srv.settimeout(0.5)

    def serve(conn):
        try:
            f = conn.makefile("rb")
            kind = f.readline().strip()
            if kind == b"push":
                n = 0
                while not stop.is_set():
                    conn.sendall(b"%d\n" % n)
                    n += 1
                    time.sleep(0.1)
            else:
                for line in f:
                    conn.sendall(line)
        except OSError:
            pass
        finally:
            conn.close()

    while not stop.is_set():
        try:
            conn, _ = srv.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


def tcp_flows(dst, port, n_echo, n_push, status_path):
    flows = []
    lock = threading.Lock()

    def run(flow):
        try:
            conn = socket.create_connection((dst, port), timeout=10)
            conn.settimeout(None)
            conn.sendall(flow["kind"].encode() + b"\n")
            flow["opened"] = time.time()
            f = conn.makefile("rb")
            if flow["kind"] == "echo":
                def talk():
                    n = 0
                    try:
                        while not stop.is_set() and flow["error"] is None:
                            conn.sendall(b"%d\n" % n)
                            n += 1
                            time.sleep(0.2)
                    except OSError as e:
                        flow["error"] = flow["error"] or "send: %s" % e
                threading.Thread(target=talk, daemon=True).start()
            for line in f:
                with lock:
                    flow["last_rx"] = time.time()
                    flow["rx"] += 1
                if stop.is_set():
                    break
            if not stop.is_set():
                flow["error"] = flow["error"] or "closed by peer"
        except OSError as e:
            flow["error"] = flow["error"] or str(e)

    for i in range(n_echo + n_push):
        flow = {"id": i, "kind": "echo" if i < n_echo else "push", "opened": None, "last_rx": None, "rx": 0,
                "error": None}
        flows.append(flow)
        threading.Thread(target=run, args=(flow,), daemon=True).start()
    while not stop.is_set():
        with lock:
            text = json.dumps({"time": time.time(), "flows": flows})
        with open(status_path + ".tmp", "w") as f:
            f.write(text)
        os.replace(status_path + ".tmp", status_path)
        stop.wait(0.5)


def vrrp_watch(iface, out):
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
    sock.bind((iface, 0))
    sock.settimeout(0.5)
    with open(out, "w") as log:
        while not stop.is_set():
            try:
                frame = sock.recv(2048)
            except socket.timeout:
                log.flush()
                continue
            ip = frame[14:]
            if len(ip) < 20 or ip[9] != 112:
                continue
            ihl = (ip[0] & 0x0F) * 4
            vrrp = ip[ihl:]
            if len(vrrp) < 4:
                continue
            log.write("%.6f %s %d\n" % (time.time(), socket.inet_ntoa(ip[12:16]), vrrp[2]))


def read_pairs(path):
    out = {}
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2:
                    out[int(parts[0])] = float(parts[1])
    except FileNotFoundError:
        pass
    return out


def read_events(path):
    events = []
    with open(path) as f:
        for line in f:
            t, label = line.rstrip("\n").split(" ", 1)
            events.append((float(t), label))
    return events


def event_at(events, t):
    """The last benchmark step that began before t."""
    label = "-"
    for et, el in events:
        if et <= t:
            label = el
    return label


def cause(events, since, until):
    """The first benchmark step that began inside a silence or gap, else the step under way at its end."""
    inside = [el for et, el in events if since < et <= until]
    return inside[0] if inside else event_at(events, until)


def analyze(events_path, sent_path, recv_path, vrrp_path, flows_dir, labels):
    events = read_events(events_path)
    sent = read_pairs(sent_path)
    recv = read_pairs(recv_path)
    adverts = []
    with open(vrrp_path) as f:
        for line in f:
            t, src, prio = line.split()
            adverts.append((float(t), src, int(prio)))
    reports = []
    for label in labels:
        t0 = next(t for t, l in events if l == "begin " + label)
        t1 = next(t for t, l in events if l == "end " + label)
        seqs = [s for s, t in sent.items() if t0 <= t <= t1]
        got = sorted(recv[s] for s in seqs if s in recv)
        lost = len(seqs) - len(got)
        # A forwarding gap: the time between two datagrams that arrived with nothing in between. Datagrams are
        # sent every 10 ms, so a gap above ~50 ms means datagrams were lost (or queued) there.
        gaps = []
        prev = t0
        for t in got + [t1]:
            if t - prev > 0.05:
                gaps.append((prev, t - prev))
            prev = t
        longest = max([g for _, g in gaps] + [0.0])
        # The longest run of consecutive datagrams that never arrived: lost, not merely late (under TCG a router
        # starved of CPU by its booting peer delays datagrams by 100-300 ms without losing them).
        burst = run = 0
        for s in sorted(seqs):
            run = run + 1 if s not in recv else 0
            burst = max(burst, run)
        # VRRP transitions: the advertising (PRIMARY) router changes; priority 0 is a resigning router's last word.
        # Seeded with the advertiser just before the window, so the first advert in it only counts if it differs.
        transitions = []
        silences = []
        before = [a for a in adverts if a[0] < t0 and a[2] > 0]
        current = before[-1][1] if before else None
        last_t = t0
        for t, src, prio in adverts:
            if not t0 <= t <= t1:
                continue
            if prio == 0:
                continue
            if t - last_t > 1.5:
                silences.append((last_t, t - last_t))
            if src != current:
                transitions.append((t, current, src, last_t))
                current = src
            last_t = t
        flows_file = os.path.join(flows_dir, "flows-%s.json" % label)
        with open(flows_file) as f:
            status = json.load(f)
        checked = status["time"]
        flows = status["flows"]
        survived = [fl for fl in flows if fl["error"] is None and fl["last_rx"] and checked - fl["last_rx"] < 3]
        by_kind = {}
        for kind in ("echo", "push"):
            alive = sum(1 for fl in survived if fl["kind"] == kind)
            total = sum(1 for fl in flows if fl["kind"] == kind)
            by_kind[kind] = "%d/%d" % (alive, total)
        broken = ["%s#%d: %s" % (fl["kind"], fl["id"], fl["error"] or
                                 "no data for %.0f s" % (checked - (fl["last_rx"] or fl["opened"] or checked)))
                  for fl in flows if fl not in survived]
        reports.append({
            "sequence": label,
            "duration_s": round(t1 - t0, 1),
            "vrrp_transitions": len(transitions),
            "transitions": [{"at_s": round(t - t0, 1), "from": a, "to": b, "during": cause(events, lt, t)}
                            for t, a, b, lt in transitions],
            "no_advert_periods": [{"at_s": round(t - t0, 1), "length_s": round(g, 2)} for t, g in silences],
            "udp_sent": len(seqs),
            "udp_lost": lost,
            "longest_gap_s": round(longest, 3),
            "longest_loss_burst": burst,
            "gaps": [{"at_s": round(t - t0, 1), "length_s": round(g, 3), "during": cause(events, t - 0.1, t + g)}
                     for t, g in gaps if g > 0.1],
            "tcp_survived": len(survived),
            "tcp_flows": len(flows),
            "tcp_by_kind": by_kind,
            "tcp_broken": broken,
        })
    print(json.dumps(reports, indent=1))


def main(argv):
    cmd = argv[1]
    if cmd == "udp-send":
        udp_send(argv[2], int(argv[3]), float(argv[4]), argv[5])
    elif cmd == "udp-recv":
        udp_recv(int(argv[2]), argv[3])
    elif cmd == "tcp-server":
        tcp_server(int(argv[2]))
    elif cmd == "tcp-flows":
        tcp_flows(argv[2], int(argv[3]), int(argv[4]), int(argv[5]), argv[6])
    elif cmd == "vrrp-watch":
        vrrp_watch(argv[2], argv[3])
    elif cmd == "analyze":
        analyze(argv[2], argv[3], argv[4], argv[5], argv[6], argv[7:])
    else:
        sys.exit("probe.py: unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)
