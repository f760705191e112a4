-- wrk script: one unit's inbox over the API (GET /api/v1/tasks/inbox), as that unit's staff with an API token.
-- FT_TOKEN=ft_... wrk -t2 -c32 -d20s -s bench/load/inbox.lua http://127.0.0.1:PORT
wrk.method = "GET"
wrk.path = "/api/v1/tasks/inbox"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("FT_TOKEN"), "set FT_TOKEN")
wrk.headers["Accept"] = "application/json"

local threads = {}
function setup(thread) table.insert(threads, thread) end

-- Globals, so done() can read them from each thread.
ok, other = 0, 0
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok"); total_other = total_other + t:get("other")
  end
  io.write(string.format("status 200: %d, other: %d\n", total_ok, total_other))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
