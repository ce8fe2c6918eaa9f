-- nvim-test.lua: Neovim's built-in LSP client (0.7 and later) against `carenet lsp`, headless.
-- Run by nvim-test.sh: CARE_LSP_CMD="carenet lsp" nvim --headless --clean -n -u nvim-test.lua FILE.care
-- It opens the plan, waits for the diagnostics, asks for a definition (in the file and into
-- the stdlib), a completion and a hover, and checks the answers.  Prints PASS/FAIL lines and
-- "nvim: N passed, M failed"; the exit status is the number of failures.
local fails, passes = 0, 0
local function out(s) io.stdout:write(s .. "\n") end
local function check(name, ok, detail)
  if ok then passes = passes + 1; out("PASS nvim " .. name)
  else fails = fails + 1; out("FAIL nvim " .. name .. (detail and (": " .. tostring(detail)) or "")) end
end
local function finish()
  out(string.format("nvim: %d passed, %d failed", passes, fails))
  vim.cmd(fails == 0 and "qall!" or ("cquit " .. math.min(fails, 255)))
end

-- 0.7 knows no .care files, and -u runs before the file is read: an autocmd at the top level
vim.cmd("autocmd BufNewFile,BufRead *.care setfiletype care")

-- the position of the nth `needle` on the line that contains `line_text` (0-based, UTF-16)
local function find(bufnr, line_text, needle)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local at = l:find(line_text, 1, true)
    if at then
      local byte = l:find(needle, at, true) - 1
      local _, utf16 = vim.str_utfindex(l, byte)   -- it returns the UTF-32 index first
      return { line = i - 1, character = utf16 }
    end
  end
end

vim.api.nvim_create_autocmd("VimEnter", { once = true, callback = function()
  local ok, err = pcall(function()
    local bufnr = vim.api.nvim_get_current_buf()
    local fname = vim.api.nvim_buf_get_name(bufnr)
    local uri = vim.uri_from_bufnr(bufnr)
    check("filetype care", vim.bo[bufnr].filetype == "care", vim.bo[bufnr].filetype)
    local diags, exited = nil, nil
    local client_id = vim.lsp.start_client({
      name = "carenet",
      cmd = vim.split(os.getenv("CARE_LSP_CMD") or "carenet lsp", " ", { trimempty = true }),
      root_dir = vim.fn.fnamemodify(fname, ":p:h"),
      handlers = {
        ["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
          if result.uri == uri then diags = result end
          return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
        end,
      },
      on_exit = function(code, signal) exited = { code, signal } end,
    })
    check("start_client", client_id ~= nil)
    if not client_id then return end
    vim.lsp.buf_attach_client(bufnr, client_id)   -- initialize, then didOpen

    local timeout = 10000
    vim.wait(timeout, function() return diags ~= nil or exited ~= nil end, 20)
    check("publishDiagnostics", diags ~= nil, exited and ("server exited " .. tostring(exited[1])) or "timeout")
    if not diags then return end
    local unknown
    for _, d in ipairs(diags.diagnostics) do if d.code == "E401" then unknown = d end end
    local want = find(bufnr, "lead ldx", "ldx")
    check("diagnostic E401 at the unknown lead", unknown and unknown.range.start.line == want.line
          and unknown.range.start.character == want.character
          and unknown.message:find("did you mean 'ldc'", 1, true) ~= nil, vim.inspect(unknown))
    check("vim.diagnostic.get", #vim.diagnostic.get(bufnr) == #diags.diagnostics, #vim.diagnostic.get(bufnr))

    local client = vim.lsp.get_client_by_id(client_id)
    local function ask(method, position)
      local res, rerr = client.request_sync(method, { textDocument = { uri = uri }, position = position },
                                            timeout, bufnr)
      return res and res.result, rerr or (res and res.err)
    end

    -- definition in the file: `serves meer` -> `area meer "Méér"`
    local loc, e = ask("textDocument/definition", find(bufnr, "serves meer", "meer"))
    local area = find(bufnr, 'area meer "M', "meer")
    check("definition in the file", loc and loc.uri == uri and loc.range.start.line == area.line
          and loc.range.start.character == area.character, vim.inspect(loc or e))
    -- definition into the stdlib: `municipality hoogstraten`
    loc, e = ask("textDocument/definition", find(bufnr, "municipality hoogstraten", "hoogstraten"))
    check("definition into the stdlib", loc and loc.uri:match("/stdlib/[%w_]+%.care$") ~= nil,
          vim.inspect(loc or e))

    -- completion after `lead `: the actors, nothing else
    local all = vim.lsp.buf_request_sync(bufnr, "textDocument/completion",
      { textDocument = { uri = uri }, position = find(bufnr, "lead ldx", "ldx") }, timeout)
    local r = all and all[client_id]
    local items = r and r.result and (r.result.items or r.result) or {}
    local labels = {}
    for _, it in ipairs(items) do labels[#labels + 1] = it.label end
    table.sort(labels)
    check("completion after lead: the actors", table.concat(labels, ",") == "ldc", table.concat(labels, ","))

    -- hover on the area: its title and its municipality
    local hover = ask("textDocument/hover", find(bufnr, "in meer", "meer"))
    local text = hover and hover.contents and hover.contents.value or ""
    check("hover", text:find("Méér", 1, true) ~= nil and text:find("Hoogstraten", 1, true) ~= nil, text)

    client.stop()
    vim.wait(5000, function() return exited ~= nil end, 20)
    check("shutdown and exit", exited ~= nil and exited[1] == 0, vim.inspect(exited))
  end)
  if not ok then check("no Lua error", false, tostring(err)) end
  finish()
end })
