-- Keycloak: GET userinfo with the users' access tokens, as me.lua does for the suite.
-- BENCH_PEER_DATA defines PEER_ACCESS_TOKENS.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_PEER_DATA"))
local tokens = split(PEER_ACCESS_TOKENS)
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/realms/bench/protocol/openid-connect/userinfo",
    {["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1]})
end
