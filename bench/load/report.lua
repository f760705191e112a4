-- wrk script: durable progress-report submissions (POST /api/v1/tasks/{id}/reports, multipart/form-data), each as
-- the lead unit's staff with that unit's API token, each on a different task at version 1 (so none is stale).
-- Targets come from a file of "task-id token" lines written by bench/load/setup.sh; a third column, when present,
-- is the version to report on (to report on each task several times in turn, see README.md):
-- FT_TARGETS=/tmp/ft-load/targets.txt wrk -t2 -c32 -d15s -s bench/load/report.lua http://127.0.0.1:PORT
local threads = {}
local count = 0
function setup(thread)
  thread:set("thread_index", count)
  count = count + 1
  table.insert(threads, thread)
end

local boundary = "----followthrough-load"
local function field(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end
local rest = field("percent", "95")
  .. field("done", "Load test: site inspections finished, 95% of the work done")
  .. field("nextSteps", "Acceptance check next week") .. "--" .. boundary .. "--\r\n"

local targets = {}
local next_target = 1
created, conflict, other = 0, 0, 0

function init(args)
  local file = assert(io.open(assert(os.getenv("FT_TARGETS"), "set FT_TARGETS"), "r"))
  local n, threads_total = 0, tonumber(os.getenv("FT_THREADS") or "2")
  for line in file:lines() do
    -- Each thread takes every n-th line, so no two threads report on the same task.
    if n % threads_total == thread_index then
      local id, token, version = line:match("^(%d+)%s+(%S+)%s*(%d*)$")
      table.insert(targets, { path = "/api/v1/tasks/" .. id .. "/reports", auth = "Bearer " .. token,
        body = field("version", version ~= "" and version or "1") .. rest })
    end
    n = n + 1
  end
  file:close()
end

function request()
  local target = targets[next_target]
  next_target = next_target % #targets + 1 -- wraps round when the run outlasts the targets: those answer 409
  return wrk.format("POST", target.path, {
    ["Authorization"] = target.auth,
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }, target.body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status == 409 then conflict = conflict + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("conflict"); o = o + t:get("other")
  end
  io.write(string.format("created 201: %d, stale 409: %d, other: %d\n", c, k, o))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
