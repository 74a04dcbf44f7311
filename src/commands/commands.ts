/**
 * Ribbon command handlers, loaded by the manifest's FunctionFile (commands.html).
 * The only ribbon button today opens the task pane (ShowTaskpane), so nothing calls `action` yet; it is the
 * placeholder that an ExecuteFunction button would name in the manifest.
 */

function action(event: Office.AddinCommands.Event): void {
  // Every ExecuteFunction handler must signal completion, or Office shows the command as still running.
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('action', action);
});
