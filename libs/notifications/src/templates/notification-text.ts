/** A notification in words: the inbox shows title and body; an email adds the action link. */
export interface NotificationText {
  title: string;
  body: string;
  action?: { label: string; url: string };
}
