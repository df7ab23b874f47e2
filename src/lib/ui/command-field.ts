// Svelte action for a textarea that takes a shell command: Safari's autocorrect is switched off (Svelte's types know
// the attribute only on <input>), and the field is as tall as its text up to its CSS max-height, so a long command
// shows in full. The parameter is the bound value, so programmatic changes resize it too.
export function commandField(node: HTMLTextAreaElement, _value?: string) {
  node.setAttribute('autocorrect', 'off');
  const fit = () => {
    node.style.height = 'auto';
    node.style.height = `${node.scrollHeight + node.offsetHeight - node.clientHeight}px`;
  };
  fit();
  node.addEventListener('input', fit);
  return {
    update: fit,
    destroy: () => node.removeEventListener('input', fit),
  };
}
