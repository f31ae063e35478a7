/**
 * `querySelectorAll` that also looks inside open shadow roots (Salesforce's Lightning components
 * may render in native shadow DOM; closed roots stay closed). Document order within each root.
 */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode): void => {
    out.push(...Array.from(node.querySelectorAll(selector)));
    for (const el of Array.from(node.querySelectorAll('*'))) {
      const shadow = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
      if (shadow) visit(shadow);
    }
  };
  visit(root);
  return out;
}
