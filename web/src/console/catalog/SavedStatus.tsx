/**
 * "Saved" beside a form's button, for a form far down a long page where the page's notice would be out of sight.
 * The live region is always rendered so that screen readers announce the text when it appears.
 */
export function SavedStatus({ count, text }: { count: number; text: string }) {
  return <p role="status" className="saved-status">{count > 0 ? text : ''}</p>;
}
