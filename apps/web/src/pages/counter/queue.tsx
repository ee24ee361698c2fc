export function QueuePage() {
  return <div>QueuePage</div>;
}
