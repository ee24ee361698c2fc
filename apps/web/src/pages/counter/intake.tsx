export function IntakePage() {
  return <div>IntakePage</div>;
}
