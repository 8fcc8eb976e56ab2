-- The request files of the wrk scripts: records of "<byte length>\n<raw HTTP request>". Loaded with dofile.
function read_records(path, into)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  local pos = 1
  while pos <= #data do
    local nl = data:find("\n", pos, true)
    local len = tonumber(data:sub(pos, nl - 1))
    into[#into + 1] = data:sub(nl + 1, nl + len)
    pos = nl + len + 1
  end
  return #into
end
