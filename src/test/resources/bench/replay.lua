-- wrk script for the ingest benchmark: sends each pre-signed request of a file exactly once, then
-- prints the status histogram and stops. Requests are records of "<byte length>\n<raw HTTP request>".
-- Run with one wrk thread (-t1): the file, the counters and the stop are per thread.

local requests, total, handed, calls, answered, statuses = {}, 0, 0, 0, 0, {}
-- Never sent in a normal run: wrk asks for one request before the run to check the script, and a
-- connection could ask once more after the last real request went out (it then waits, see delay()).
local spare

function init(args)
  dofile(args[2])
  total = read_records(args[1], requests)
  spare = wrk.format("GET", "/__wrk_spare")
end

-- Once every request is out, idle connections wait instead of adding load while the last answers come.
function delay()
  if handed >= total then return 600000 end
  return 0
end

function request()
  calls = calls + 1
  if calls == 1 or handed >= total then return spare end -- the first call is wrk's check, never sent
  handed = handed + 1
  return requests[handed]
end

function response(status)
  if status == 404 then return end -- a spare (the inbox never answers 404)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  if answered == total then
    local parts = {}
    for s, n in pairs(statuses) do parts[#parts + 1] = s .. "=" .. n end
    io.write("replay-done ", table.concat(parts, " "), "\n")
    io.flush()
    wrk.thread:stop()
  end
end
