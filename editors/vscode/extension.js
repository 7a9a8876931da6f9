// Starts `upward lsp` for .up files: diagnostics, completion, hover, definition, symbols,
// formatting and quick fixes all come from the language server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate() {
  const config = vscode.workspace.getConfiguration('upward');
  const server = { command: config.get('server.path') || 'upward', args: ['lsp'] };
  const journal = config.get('journal') || [];
  client = new LanguageClient(
    'upward',
    'upward',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'upward' },
        { scheme: 'untitled', language: 'upward' },
      ],
      initializationOptions: journal.length > 0 ? { journal } : {},
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.up') },
    },
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
