# A small Python event bus written from the guide (the choices most Python
# code makes), used by pythonBusRoundTrip.int.spec.ts to write stores and to
# read back what the project wrote into them. Standard library only; runs on
# Python 3.7+ (datetime.fromisoformat).
#
#   python3 python_bus.py write <store> [--ts naive|z|offset] [--fold shallow|deep]
#                         [--seq global|aggregate] [--days N] [--per-day K]
#                         [--frequency F] [--ttl-days D --now YYYY-MM-DDTHH:MM:SS]
#   python3 python_bus.py read <store> [--z-aware]
#
# write: events as json.dumps(asdict(...)) lines, one file per day, closed
#   days gzipped; snapshot_<aggregate>_<N>.json every F events of an
#   aggregate and snapshot_system_<N>.json every F events bus-wide (N: the
#   sequence number of the last event folded in; for `system` in a store
#   numbered per aggregate, the number of events); TTL cleanup as the bus
#   does it (a day file goes when its date is before now - ttl days; the
#   snapshots stay).
# read: prints JSON: every line parsed (json.loads, datetime.fromisoformat
#   on each timestamp, all of them compared with each other, so a naive and
#   an aware one in one store fail), lines whose bytes differ from what this
#   bus would write for them, and rebuild_state of every aggregate and of
#   system (latest snapshot plus the events after it, folded the bus's way).
import datetime, gzip, json, os, sys, uuid

TYPES = ["market_data_received", "analysis_completed", "trade_decision_made", "trade_executed", "risk_alert", "performance_update"]
AGGREGATES = ["trader_1", "market_data_BTC_USDT", "risk_manager"]


def args(argv):
    out = {}
    i = 0
    while i < len(argv):
        out[argv[i].lstrip("-")] = argv[i + 1] if i + 1 < len(argv) and not argv[i + 1].startswith("--") else True
        i += 2 if out[argv[i].lstrip("-")] is not True else 1
    return out


def ts_text(dt, style):
    if style == "naive":
        return dt.isoformat()
    aware = dt.replace(tzinfo=datetime.timezone.utc).isoformat()
    return aware.replace("+00:00", "Z") if style == "z" else aware


def parse_ts(text, z_aware):
    if z_aware and text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.datetime.fromisoformat(text)


def deep_merge(target, source):
    for k, v in source.items():
        if k == "_meta" and target is not None:
            continue
        if isinstance(v, dict) and isinstance(target.get(k), dict):
            deep_merge_inner(target[k], v)
        else:
            target[k] = json.loads(json.dumps(v))


def deep_merge_inner(target, source):
    for k, v in source.items():
        if isinstance(v, dict) and isinstance(target.get(k), dict):
            deep_merge_inner(target[k], v)
        else:
            target[k] = json.loads(json.dumps(v))


def apply(state, event, fold, system=False):
    data, meta = event["data"], event["metadata"]
    if fold == "shallow":
        state.update(data)
        state["last_event_type"] = event["event_type"]
        state["last_sequence_number"] = meta["sequence_number"]
        state["last_updated"] = parse_ts(meta["timestamp"], True).isoformat()
        state["event_count"] = state.get("event_count", 0) + 1
        return state
    previous = state.get("_meta", {}).get("event_count", 0)
    if system:
        for table, key in (("event_types", event["event_type"]), ("sources", meta["source"])):
            state.setdefault(table, {})
            state[table][key] = state[table].get(key, 0) + 1
        if meta.get("aggregate_id"):
            aggs = state.setdefault("aggregates", {})
            count = aggs.get(meta["aggregate_id"], {}).get("event_count", 0)
            aggs[meta["aggregate_id"]] = {"event_count": count + 1, "last_sequence": meta["sequence_number"], "last_event_type": event["event_type"]}
    else:
        deep_merge(state, data)
    state["_meta"] = {"last_event_type": event["event_type"], "sequence_number": meta["sequence_number"],
                      "timestamp": meta["timestamp"], "event_id": meta["event_id"], "event_count": previous + 1}
    return state


def write(root, o):
    ts_style, fold, seq_mode = o.get("ts", "naive"), o.get("fold", "shallow"), o.get("seq", "global")
    days, per_day, frequency = int(o.get("days", 3)), int(o.get("per-day", 40)), int(o.get("frequency", 10))
    os.makedirs(os.path.join(root, "events"), exist_ok=True)
    os.makedirs(os.path.join(root, "snapshots"), exist_ok=True)
    base = datetime.datetime(2024, 1, 15, 9, 0, 0, 250000)
    lines, states, counts = {}, {}, {}
    system_state, total, global_seq = {}, 0, 0
    seqs = {a: 0 for a in AGGREGATES}
    prev_id = None
    for day in range(days):
        for i in range(per_day):
            n = day * per_day + i
            t = base + datetime.timedelta(days=day, seconds=i * 90)
            if n % 7 == 3:
                t -= datetime.timedelta(microseconds=3)  # two publishers a few microseconds apart
            aggregate = AGGREGATES[n % 3]
            global_seq += 1
            seqs[aggregate] += 1
            seq = global_seq if seq_mode == "global" else seqs[aggregate]
            data = {"symbol": "BTCUSDT", "price": 50000.0 + n, "quantity": 1.0, "side": ["buy", "sell"][n % 2],
                    "position": {"size": n % 5, "avg_price": 49999.5}, "tags": ["a", "b"][: 1 + n % 2], "note": "d\u00e9j\u00e0 vu"}
            if n % 11 == 5:
                data["order_id"] = 12345678901234567890 + n
            meta = {"event_id": str(uuid.UUID(int=n + 1)), "version": "1.0.0", "schema_version": "1.0", "timestamp": ts_text(t, ts_style),
                    "source": "TradingBot", "correlation_id": None, "causation_id": prev_id if n % 4 else None,
                    "aggregate_id": aggregate, "sequence_number": seq, "retry_count": 0, "status": "completed", "tags": {}}
            prev_id = meta["event_id"]
            event = {"event_type": TYPES[n % len(TYPES)], "data": data, "metadata": meta}
            lines.setdefault(t.date().isoformat(), []).append(json.dumps(event))
            states[aggregate] = apply(states.get(aggregate, {}), event, fold)
            counts[aggregate] = counts.get(aggregate, 0) + 1
            system_state = apply(system_state, event, fold, system=True)
            total += 1
            if counts[aggregate] % frequency == 0:
                save_snapshot(root, aggregate, seq, states[aggregate], t, ts_style)
            if total % frequency == 0:
                save_snapshot(root, "system", global_seq if seq_mode == "global" else total, system_state, t, ts_style)
    names = sorted(lines)
    for d in names:
        text = "\n".join(lines[d]) + "\n"
        if d != names[-1]:
            with gzip.open(os.path.join(root, "events", "events_%s.jsonl.gz" % d), "wt", encoding="utf-8") as f:
                f.write(text)
        else:
            with open(os.path.join(root, "events", "events_%s.jsonl" % d), "w", encoding="utf-8") as f:
                f.write(text)
    if "ttl-days" in o:
        cleanup(root, int(o["ttl-days"]), datetime.datetime.fromisoformat(o["now"]))


def save_snapshot(root, aggregate, seq, state, t, ts_style):
    body = {"aggregate_id": aggregate, "sequence_number": seq, "timestamp": ts_text(t, ts_style), "state": state}
    with open(os.path.join(root, "snapshots", "snapshot_%s_%d.json" % (aggregate, seq)), "w") as f:
        json.dump(body, f, indent=2)


def cleanup(root, ttl_days, now):
    cutoff = now - datetime.timedelta(days=ttl_days)
    for name in os.listdir(os.path.join(root, "events")):
        day = datetime.datetime.strptime(name[len("events_"):len("events_") + 10], "%Y-%m-%d")
        if day < cutoff:
            os.remove(os.path.join(root, "events", name))


def read_events(root):
    events = []
    for name in sorted(os.listdir(os.path.join(root, "events")), key=lambda n: (n[:17], not n.endswith(".gz"))):
        path = os.path.join(root, "events", name)
        if not name.startswith("events_"):
            continue
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line:
                    events.append((name, number, line))
    return events


def read(root, o):
    z_aware = bool(o.get("z-aware"))
    events, times, restyled = [], [], []
    for name, number, line in read_events(root):
        event = json.loads(line)
        times.append(parse_ts(event["metadata"]["timestamp"], z_aware))
        if json.dumps(event) != line:
            restyled.append("%s:%d" % (name, number))
        events.append(event)
    times.sort()  # TypeError when naive and aware values are mixed
    snapshots = {}
    for name in os.listdir(os.path.join(root, "snapshots")) if os.path.isdir(os.path.join(root, "snapshots")) else []:
        with open(os.path.join(root, "snapshots", name)) as f:
            body = json.load(f)
        parse_ts(body["timestamp"], z_aware)
        snapshots.setdefault(body["aggregate_id"], []).append(body)
    fold = "deep" if any("_meta" in s["state"] for group in snapshots.values() for s in group) else "shallow"
    global_mode = o.get("seq", "global") == "global"
    states = {}
    for aggregate in sorted(set(AGGREGATES) | set(snapshots)):
        latest = max(snapshots.get(aggregate, []), key=lambda s: s["sequence_number"], default=None)
        state = json.loads(json.dumps(latest["state"])) if latest else {}
        after = latest["sequence_number"] if latest else -1
        if aggregate == "system":
            for position, event in enumerate(events, 1):
                if (event["metadata"]["sequence_number"] if global_mode else position) > after:
                    state = apply(state, event, fold, system=True)
        else:
            mine = sorted((e for e in events if e["metadata"]["aggregate_id"] == aggregate), key=lambda e: e["metadata"]["sequence_number"])
            for event in mine:
                if event["metadata"]["sequence_number"] > after:
                    state = apply(state, event, fold)
        states[aggregate] = state
    print(json.dumps({"python": sys.version.split()[0], "events": len(events), "restyled_lines": restyled,
                      "first": times[0].isoformat() if times else None, "last": times[-1].isoformat() if times else None,
                      "fold": fold, "states": states}))


if __name__ == "__main__":
    command, root, rest = sys.argv[1], sys.argv[2], args(sys.argv[3:])
    write(root, rest) if command == "write" else read(root, rest)
