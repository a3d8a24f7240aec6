-- Run by test/package/npmPackage.test.ts in headless Neovim after the README's setup has opened a cable: waits for the
-- server's diagnostics, asks for the outline, writes what it saw as JSON to $CABLE_NVIM_OUT and quits.
-- Neovim 0.7 to 0.11: vim.lsp.get_clients is 0.10's name of buf_get_clients.
local buf = vim.api.nvim_get_current_buf()
vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
local clients = {}
local attached = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
for _, client in pairs(attached) do
  table.insert(clients, client.name)
end
local outline = {}
local answers = vim.lsp.buf_request_sync(
  buf,
  'textDocument/documentSymbol',
  { textDocument = vim.lsp.util.make_text_document_params() },
  10000
)
for _, answer in pairs(answers or {}) do
  for _, symbol in ipairs(answer.result or {}) do
    table.insert(outline, symbol.name)
  end
end
local out = io.open(os.getenv('CABLE_NVIM_OUT'), 'w')
out:write(vim.fn.json_encode({
  filetype = vim.bo[buf].filetype,
  clients = clients,
  diagnostics = #vim.diagnostic.get(buf),
  outline = outline,
}))
out:close()
vim.cmd('qa!')
