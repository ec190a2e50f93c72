-- POST /api/auth/refresh. Each refresh spends its token and returns the next one, so every thread
-- keeps a queue of live refresh tokens: a request takes one, its answer puts the new one back.
-- data.lua defines REFRESH_TOKENS (comma-separated), split evenly between threads.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DATA"))
local queue = {}
local last
init = function(args)
  local all = split(REFRESH_TOKENS)
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  for k = 1, #all do
    if (k - 1) % threads == thread_no then queue[#queue + 1] = all[k] end
  end
end
request = function()
  local token = table.remove(queue, 1) or last
  last = token
  return wrk.format("POST", "/api/auth/refresh", {["Content-Type"] = "application/json"},
    '{"refresh_token":"' .. token .. '"}')
end
response = function(status, headers, body)
  local token = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
  if token then queue[#queue + 1] = token end
end
