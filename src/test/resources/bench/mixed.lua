-- wrk script for the footprint benchmark: a mixed load for a fixed time. Every `every`-th request is the
-- next pre-signed inbox POST (each sent once; when they run out, only GETs follow); the others cycle
-- through the GETs. Both files hold records of "<byte length>\n<raw HTTP request>".
-- Arguments: <posts file> <gets file> <every> <records.lua>. Run with one wrk thread (-t1).

local posts, gets, every = {}, {}, 5
local sent, nextPost, nextGet, postsSent = 0, 1, 1, 0

function init(args)
  dofile(args[4])
  read_records(args[1], posts)
  read_records(args[2], gets)
  every = tonumber(args[3])
end

function request()
  sent = sent + 1
  if sent % every == 0 and nextPost <= #posts then
    nextPost = nextPost + 1
    postsSent = postsSent + 1
    return posts[nextPost - 1]
  end
  local r = gets[nextGet]
  nextGet = nextGet % #gets + 1
  return r
end

function done(summary, latency, requests)
  io.write(string.format("mixed-done p50=%.1fms p99=%.1fms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
