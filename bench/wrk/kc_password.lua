-- Keycloak (BENCH_PEER=keycloak): the password grant of the realm "bench", cycling through its
-- users, as login.lua does for the suite. BENCH_PEER_DATA defines PEER_USERS and PEER_PASSWORD.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_PEER_DATA"))
local users = split(PEER_USERS)
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/realms/bench/protocol/openid-connect/token",
    {["Content-Type"] = "application/x-www-form-urlencoded"},
    "grant_type=password&client_id=bench&scope=openid&username=" .. users[(i % #users) + 1] ..
    "&password=" .. PEER_PASSWORD)
end
