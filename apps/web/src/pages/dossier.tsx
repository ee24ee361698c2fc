export function DossierPage() {
  return <div>DossierPage</div>;
}
