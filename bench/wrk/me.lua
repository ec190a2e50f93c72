-- GET /api/auth/me as the seeded customers. data.lua defines CUSTOMER_TOKENS.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DATA"))
local tokens = split(CUSTOMER_TOKENS)
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/auth/me", {["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1]})
end
