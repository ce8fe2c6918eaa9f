// extension.js — starts the carenet language server (`carenet lsp`) for .care files.
//
// Everything the editor shows about a plan (diagnostics as you type, definitions, references,
// hover, completion, the outline, formatting, quick fixes) comes from the server; this file only
// starts it over standard input and output, with the program named by the `carenet.path`
// setting, and starts it again when that setting changes.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function program() {
  return vscode.workspace.getConfiguration('carenet').get('path') || 'carenet';
}

async function start() {
  const command = program();
  client = new LanguageClient('carenet', 'carenet', { command, args: ['lsp'] }, {
    documentSelector: [{ scheme: 'file', language: 'care' }, { scheme: 'untitled', language: 'care' }],
    // a plan changed on disk (a git checkout, another editor) is checked again
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.care') },
  });
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `carenet: could not start "${command} lsp" (${err.message || err}). ` +
      'Install carenet (sudo make install in its sources) or set carenet.path to the program.');
  }
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('carenet.path')) {
      if (client) await client.stop();
      await start();
    }
  }));
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
