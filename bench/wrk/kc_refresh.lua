-- Keycloak: the refresh grant, with a queue of live refresh tokens per thread as refresh.lua
-- keeps for the suite (Keycloak does not rotate them by default; each answer still carries one).
-- BENCH_PEER_DATA defines PEER_REFRESH_TOKENS.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_PEER_DATA"))
local queue = {}
local last
init = function(args)
  local all = split(PEER_REFRESH_TOKENS)
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  for k = 1, #all do
    if (k - 1) % threads == thread_no then queue[#queue + 1] = all[k] end
  end
end
request = function()
  local token = table.remove(queue, 1) or last
  last = token
  return wrk.format("POST", "/realms/bench/protocol/openid-connect/token",
    {["Content-Type"] = "application/x-www-form-urlencoded"},
    "grant_type=refresh_token&client_id=bench&refresh_token=" .. token)
end
response = function(status, headers, body)
  local token = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
  if token then queue[#queue + 1] = token end
end
