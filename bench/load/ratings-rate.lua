-- wrk script (issue 16): durable ratings, POST /api/v1/ratings/applications/{id}, each by the rater whose application
-- it is (FOLDER/raters.txt from ratings-setup.sh). Every application is rated once: each thread takes its own share
-- of every rater's applications (after FT_RATERS_SKIP of them, so that a second run rates others). Grades as citizens give them: one in ten bad (a rectification case and its task).
-- FT_RATERS=/tmp/x/raters.txt wrk -t2 -c32 -d20s -s bench/load/ratings-rate.lua http://127.0.0.1:PORT
local threads = {}
local count = 0
function setup(thread)
  thread:set("thread_index", count)
  count = count + 1
  table.insert(threads, thread)
end

local raters = {}
local turn = 0
created, refused, other, bad = 0, 0, 0, 0
local grades = { "VerySatisfied", "VerySatisfied", "VerySatisfied", "VerySatisfied", "VerySatisfied", "Satisfied", "Satisfied",
  "Satisfied", "BasicallySatisfied", "Dissatisfied" }

function init(args)
  for line in io.lines((assert(os.getenv("FT_RATERS"), "set FT_RATERS"))) do
    local token, first, last = line:match("^(%S+) (%d+) (%d+)$")
    first, last = tonumber(first), tonumber(last)
    local share = math.floor((last - first + 1) / tonumber(os.getenv("FT_THREADS") or "2")) -- wrk -t (2 by default)
    local from = first + thread_index * share + tonumber(os.getenv("FT_RATERS_SKIP") or "0")
    table.insert(raters, { auth = "Bearer " .. token, next = from, last = from + share - 1 })
  end
end

function request()
  turn = turn + 1
  local r = raters[turn % #raters + 1]
  local id = r.next
  r.next = r.next + 1
  local grade = grades[turn % #grades + 1]
  local body = '{"grade":"' .. grade .. '","reasons":[],"comment":null}'
  return wrk.format("POST", "/api/v1/ratings/applications/" .. id, { ["Authorization"] = r.auth, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 or status == 200 then
    created = created + 1
    if body:find('"rectification":{', 1, true) then bad = bad + 1 end
  elseif status >= 400 and status < 500 then refused = refused + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, k, o, b = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("refused"); o = o + t:get("other"); b = b + t:get("bad")
  end
  io.write(string.format("rated: %d (bad, with a rectification case: %d), 4xx: %d, other: %d\n", c, b, k, o))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
