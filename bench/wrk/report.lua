-- Shared by every scenario: prints one JSON line with the figures the bench reads.
-- wrk counts answers with status >= 400 in summary.errors.status.
report = function(summary, latency)
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"non2xx":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"timeouts":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%d}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean))
end

-- Gives every wrk thread its own number, so threads use disjoint slices of the seeded data.
local next_thread = 0
setup = function(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
end

-- Splits "a,b,c" into a list.
split = function(text)
  local out = {}
  for item in string.gmatch(text, "[^,]+") do out[#out + 1] = item end
  return out
end

done = function(summary, latency, requests)
  report(summary, latency)
end

-- Optional pacing: BENCH_DELAY_MS makes every connection wait that long between requests, so a
-- run can hold a chosen fraction of the peak throughput (open-loop pacing is not in Debian's wrk).
local pace = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pace > 0 then
  delay = function() return pace end
end
