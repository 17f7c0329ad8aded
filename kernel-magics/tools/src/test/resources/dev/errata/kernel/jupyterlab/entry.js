// Renders the page's outputs (inert JSON in #outputs) with JupyterLab 4's own rendermime registry
// and sanitizer, as a notebook's output area does: untrusted outputs get only safe MIME types and
// sanitized HTML; trusted ones any type, scripts included.
import { RenderMimeRegistry, standardRendererFactories, MimeModel } from '@jupyterlab/rendermime';
import { Sanitizer } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';

async function main() {
  const rm = new RenderMimeRegistry({
    initialFactories: standardRendererFactories,
    sanitizer: new Sanitizer()
  });
  const outputs = JSON.parse(document.getElementById('outputs').textContent);
  const trusted = document.body.getAttribute('data-trusted') === 'true';
  for (const data of outputs) {
    const mime = rm.preferredMimeType(data, trusted ? 'any' : 'ensure');
    const box = document.createElement('div');
    box.className = 'jp-OutputArea-output';
    box.setAttribute('data-mime-type', String(mime));
    document.body.appendChild(box);
    if (!mime) {
      continue;
    }
    const renderer = rm.createRenderer(mime);
    await renderer.renderModel(new MimeModel({ data, trusted }));
    Widget.attach(renderer, box);
  }
  document.body.setAttribute('data-rendered', String(outputs.length));
}

main().catch(e => console.error('JupyterLab rendering failed: ' + e));
