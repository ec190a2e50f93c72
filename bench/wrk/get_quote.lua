-- GET /api/quotes/{id} as the quote's owner. data.lua defines QUOTE_IDS and QUOTE_TOKENS
-- (comma-separated, the owner's access token at the same position).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DATA"))
local ids, tokens = split(QUOTE_IDS), split(QUOTE_TOKENS)
local i = 0
request = function()
  i = i + 1
  local k = (i % #ids) + 1
  return wrk.format("GET", "/api/quotes/" .. ids[k], {["Authorization"] = "Bearer " .. tokens[k]})
end
