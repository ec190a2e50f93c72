-- GET /rows/{id} of the floor (bench/floor), a random row by primary key. BENCH_FLOOR_ROWS rows.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local rows = tonumber(os.getenv("BENCH_FLOOR_ROWS"))
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/rows/" .. math.random(1, rows))
end
