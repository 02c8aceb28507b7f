/** The two links to leave that every mail to a subscriber carries. */
export interface LeaveLinks {
  /** The page with the button to leave, which people open, in the mail's language. */
  leave: string;
  /** RFC 8058 one-click target for `List-Unsubscribe` (mail programs POST to it). */
  unsubscribe: string;
}
