/// <reference types="office-js" />
// The ribbon's FunctionFile. The only ribbon button today opens the task pane (ShowTaskpane), which
// needs no code; a future ExecuteFunction command registers its handler here with
// Office.actions.associate("name", handler) and calls event.completed() when done.

Office.onReady(() => {
  // Office.js is ready; nothing to set up yet.
});
