-- POST /api/quotes with a fresh Idempotency-Key per request. data.lua defines CUSTOMER_TOKENS.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DATA"))
local tokens = split(CUSTOMER_TOKENS)
local i = 0
local body = '{"title":"Bench quote","currency":"USD","items":[' ..
  '{"description":"Steel bracket","quantity":12,"unit":"ea"},' ..
  '{"description":"Anchor bolt","quantity":2.5,"unit":"kg"}]}'
request = function()
  i = i + 1
  return wrk.format("POST", "/api/quotes", {
    ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. RUN_ID .. "-" .. os.getenv("BENCH_PHASE") .. "-" .. thread_no .. "-" .. i,
  }, body)
end
