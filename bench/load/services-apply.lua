-- wrk script (issue 15): durable service applications, POST /api/v1/services/applications and /with-materials (JSON),
-- each as one of the generated enterprise applicants with their own API token and files. Every connection cycles
-- through the mix of FOLDER/bodies.txt (written by services-setup.sh): four of ten decided by rules as they are filed.
-- FT_APPLICANTS=/tmp/x/applicants.txt FT_BODIES=/tmp/x/bodies.txt wrk -t2 -c32 -d20s -s bench/load/services-apply.lua http://127.0.0.1:PORT
local threads = {}
local count = 0
function setup(thread)
  thread:set("thread_index", count)
  count = count + 1
  table.insert(threads, thread)
end

local requests = {}
local next_request = 1
created, refused, other = 0, 0, 0
auto = 0

function init(args)
  local bodies = {}
  for line in io.lines((assert(os.getenv("FT_BODIES"), "set FT_BODIES"))) do
    local path, json = line:match("^(%S+) (.+)$")
    table.insert(bodies, { path = path, json = json })
  end
  local n = 0
  for line in io.lines((assert(os.getenv("FT_APPLICANTS"), "set FT_APPLICANTS"))) do
    local token, f1, f2, f3 = line:match("^(%S+) (%d+) (%d+) (%d+)$")
    for i, b in ipairs(bodies) do
      -- applicants and bodies interleaved so that consecutive requests differ in both
      local body = b.json:gsub("F1", f1):gsub("F2", f2):gsub("F3", f3)
      table.insert(requests, { n = n * #bodies + i, path = b.path, auth = "Bearer " .. token, body = body })
    end
    n = n + 1
  end
  table.sort(requests, function(a, b) return (a.n * 7919) % 104729 < (b.n * 7919) % 104729 end)
  next_request = 1 + (thread_index * 37) % #requests
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return wrk.format("POST", r.path, { ["Authorization"] = r.auth, ["Content-Type"] = "application/json" }, r.body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    if body:find('"state":"Approved"', 1, true) then auto = auto + 1 end
  elseif status >= 400 and status < 500 then refused = refused + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, k, o, a = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("refused"); o = o + t:get("other"); a = a + t:get("auto")
  end
  io.write(string.format("created 201: %d (approved by rules at once: %d), 4xx: %d, other: %d\n", c, a, k, o))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
