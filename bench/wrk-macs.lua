-- wrk script: every request asks for the next machine, cycling through the MACs in the file named by
-- $BENCH_MACS (one per line); $BENCH_PATH is the request path with %s where the MAC goes, e.g.
-- /ignition?mac=%s&os=installed. Each wrk thread starts at a different machine.
local macs = {}
for line in io.lines(os.getenv("BENCH_MACS")) do
  if line ~= "" then macs[#macs + 1] = line end
end
local path = os.getenv("BENCH_PATH")
local next_mac = 0
local threads = 0

function setup(thread)
  thread:set("first", threads * 997)
  threads = threads + 1
end

function init(args)
  next_mac = first or 0
end

function request()
  next_mac = next_mac % #macs + 1
  return wrk.format("GET", string.format(path, macs[next_mac]))
end
