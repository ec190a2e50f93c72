-- POST /api/auth/logout, once per session: each thread logs out its share of the sessions in
-- BENCH_LOGOUT_DATA (a Lua file defining LOGOUT_TOKENS, access tokens of fresh sessions) and
-- stops when its share is spent, so the run is as long as the sessions last.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_LOGOUT_DATA"))
local queue = {}
init = function(args)
  local all = split(LOGOUT_TOKENS)
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  for k = 1, #all do
    if (k - 1) % threads == thread_no then queue[#queue + 1] = all[k] end
  end
end
request = function()
  local token = table.remove(queue, 1)
  if token == nil then
    -- Spent: a cheap public request until the thread stops (they are few, one per connection).
    return wrk.format("GET", "/api/auth/.well-known/jwks.json")
  end
  return wrk.format("POST", "/api/auth/logout", {["Authorization"] = "Bearer " .. token})
end
response = function(status, headers, body)
  if #queue == 0 then wrk.thread:stop() end
end
