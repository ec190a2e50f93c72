-- A whole quote lifecycle per round: create (customer) -> submit (customer, If-Match) ->
-- price (staff, If-Match) -> accept (customer, If-Match). One connection per thread, so each
-- thread walks its own round step by step. data.lua defines CUSTOMER_TOKENS and STAFF_TOKEN.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DATA"))
local tokens = split(CUSTOMER_TOKENS)
local step, round, id, etag, item_id, customer = 0, 0, nil, nil, nil, nil
local json = {["Content-Type"] = "application/json"}
local function with(headers, token)
  local h = {["Authorization"] = "Bearer " .. token}
  for k, v in pairs(headers) do h[k] = v end
  if etag then h["If-Match"] = etag end
  return h
end
request = function()
  if step == 0 then
    round = round + 1
    customer = tokens[((round + thread_no * 7) % #tokens) + 1]
    etag = nil
    return wrk.format("POST", "/api/quotes", with(json, customer),
      '{"title":"Lifecycle","items":[{"description":"Gate hinge","quantity":4}]}')
  elseif step == 1 then
    return wrk.format("POST", "/api/quotes/" .. id .. "/submit", with({}, customer))
  elseif step == 2 then
    return wrk.format("POST", "/api/quotes/" .. id .. "/price", with(json, STAFF_TOKEN),
      '{"items":[{"id":"' .. item_id .. '","unit_price_minor":1999}],"tax_rate_bps":825,' ..
      '"valid_until":"' .. VALID_UNTIL .. '"}')
  else
    return wrk.format("POST", "/api/quotes/" .. id .. "/accept", with({}, customer))
  end
end
response = function(status, headers, body)
  if status >= 400 then step = 0; return end
  etag = headers["ETag"] or headers["etag"]
  if step == 0 then
    id = string.match(body, '^%s*{%s*"id"%s*:%s*"([^"]+)"') or string.match(body, '"id"%s*:%s*"([^"]+)"')
    item_id = string.match(body, '"items"%s*:%s*%[%s*{%s*"id"%s*:%s*"([^"]+)"')
  end
  step = (step + 1) % 4
end
