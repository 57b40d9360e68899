# Writes an event store the way the guide's Python EnhancedEventBus does:
# dataclasses through asdict, json.dumps with its default separators, naive
# isoformat() timestamps with microseconds, enum values, non-ASCII as \u
# escapes, NaN for a float('nan'), closed days gzipped, CRLF line ends on the
# open day and a torn last line. Usage: python3 this.py <store dir>
import json, uuid, os, sys, datetime, gzip
from dataclasses import dataclass, asdict, field
from enum import Enum
class EventStatus(Enum):
    PENDING = "pending"; COMPLETED = "completed"; FAILED = "failed"
class EventType(Enum):
    MARKET_DATA_RECEIVED = "market_data_received"; TRADE_EXECUTED = "trade_executed"; TRADE_DECISION_MADE = "trade_decision_made"
@dataclass
class EventMetadata:
    event_id: str; version: str; schema_version: str; timestamp: datetime.datetime; source: str
    correlation_id: str = None; causation_id: str = None; aggregate_id: str = None
    sequence_number: int = 0; retry_count: int = 0; status: EventStatus = EventStatus.PENDING; tags: dict = field(default_factory=dict)
def to_json(event_type, data, meta):
    m = asdict(meta); m["timestamp"] = meta.timestamp.isoformat(); m["status"] = meta.status.value
    return json.dumps({"event_type": event_type.value, "data": data, "metadata": m})
root = sys.argv[1]
os.makedirs(os.path.join(root, "events"), exist_ok=True)
seq = 0
base = datetime.datetime(2024, 1, 15, 10, 30, 0, 123456)
lines = {}
prev = None
corr = str(uuid.uuid4())
for i in range(200):
    seq += 1
    t = base + datetime.timedelta(seconds=i * 600)
    et = [EventType.MARKET_DATA_RECEIVED, EventType.TRADE_DECISION_MADE, EventType.TRADE_EXECUTED][i % 3]
    data = {"symbol": "BTCUSDT", "price": 50000 + i, "note": "déjà vu ünïcode", "metadata": {"aggregate_id": "fake", "sequence_number": -1}}
    if i == 50: data["price"] = float("nan")
    meta = EventMetadata(str(uuid.uuid4()), "1.0.0", "1.0", t, "MarketDataProvider", correlation_id=corr if i % 3 else None,
                         causation_id=prev if i % 3 else None, aggregate_id="market_data_BTC_USDT" if i % 2 else "trader_1", sequence_number=seq,
                         status=EventStatus.COMPLETED)
    prev = meta.event_id
    lines.setdefault(t.date().isoformat(), []).append(to_json(et, data, meta))
days = sorted(lines)
for d in days[:-1]:
    with gzip.open(os.path.join(root, "events", f"events_{d}.jsonl.gz"), "wt") as f: f.write("\n".join(lines[d]) + "\n")
with open(os.path.join(root, "events", f"events_{days[-1]}.jsonl"), "w", newline="\r\n") as f:
    f.write("\n".join(lines[days[-1]]) + "\n")
    f.write(lines[days[-1]][0][:70])  # torn tail
