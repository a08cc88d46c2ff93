// Recovery from an address that is not the app's own: a link mangled by a chat app or a mistyped
// path, such as /deep/path?gov=idlib for an app that lives at /. scripts/post-build.mjs inlines
// this file into index.html and 404.html, in their script elements marked data-recover, and
// allows it in their Content-Security-Policy by its hash. It cannot be a file of its own: that
// would be loaded by a relative URL, which is exactly what breaks at such an address.
//
// - index.html (data-recover="on-error") is what a host with an SPA fallback (`trunk serve`)
//   answers for any path. Its relative asset URLs then resolve under the wrong folder (/deep/)
//   and fail to load, leaving a blank page: the first script or stylesheet that fails starts the
//   search below. Error events do not bubble, hence the capture-phase listener on window.
// - 404.html (data-recover="now") is what hosts such as GitHub Pages answer for an unknown path:
//   it shows a readable message and starts the search at once.
//
// The search: the app's folder is the nearest folder, from the page's own up to the origin's
// root, that holds the build's version.json. It must parse as JSON with a string "version",
// since a host with an SPA fallback answers every path, version.json included, with index.html
// and status 200. Found: go there with the same query and fragment, which hold the view. Found at
// this very address: the address is right and the failure is another one, so the page is left
// alone. Not found: one readable sentence and a link to the origin's root replace the page.
(() => {
  const mode = document.currentScript.dataset.recover;
  let started = false;

  async function recover() {
    if (started) return;
    started = true;
    const folders = [];
    for (let folder = new URL('.', location.href); ; folder = new URL('..', folder)) {
      folders.push(folder.href);
      if (folder.pathname === '/') break;
    }
    const holdsApp = await Promise.all(folders.map(async (folder) => {
      try {
        const response = await fetch(`${folder}version.json`);
        return typeof (await response.json()).version === 'string';
      } catch {
        return false;
      }
    }));
    const app = folders.find((_, i) => holdsApp[i]);
    if (app) {
      if (new URL(app).pathname !== location.pathname) location.replace(app + location.search + location.hash);
    } else if (mode === 'on-error') {
      if (document.readyState === 'loading') {
        await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
      }
      // Style set through the DOM, not a <style> element: the policy forbids those, and the
      // app's stylesheets are the files that failed.
      const message = document.createElement('p');
      message.style.cssText = 'max-width: 40rem; margin: 3rem auto; padding: 0 1rem; font: 1.125rem/1.5 system-ui, sans-serif;';
      const link = document.createElement('a');
      link.href = '/';
      link.textContent = "Open the explorer's start page.";
      message.append('This address is not part of the Syria Incident Explorer. ', link);
      document.body.replaceChildren(message);
    }
  }

  if (mode === 'now') {
    recover();
  } else {
    window.addEventListener('error', (event) => {
      const failed = event.target;
      if (failed instanceof HTMLScriptElement || (failed instanceof HTMLLinkElement && failed.relList.contains('stylesheet'))) {
        recover();
      }
    }, true);
  }
})();
