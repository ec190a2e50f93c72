-- POST /api/auth/login, cycling through seeded accounts (all with the right password).
-- data.lua defines EMAILS (comma-separated) and PASSWORD.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DATA"))
local emails = split(EMAILS)
local i = 0
request = function()
  i = i + 1
  local email = emails[(i % #emails) + 1]
  return wrk.format("POST", "/api/auth/login", {["Content-Type"] = "application/json"},
    '{"email":"' .. email .. '","password":"' .. PASSWORD .. '"}')
end
