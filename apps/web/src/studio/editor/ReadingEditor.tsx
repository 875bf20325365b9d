import { Input } from '@mantine/core';
import { Link, RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The reading's text as a person writes it: headings, bold and italic, lists, links and quotes,
 * stored as the HTML the server sanitizes. Only what the server keeps can be made here: no first
 * level heading (the lesson's title is the page's), no colours or alignment. Underline, code and
 * rules have no button but are kept, as older readings may hold them.
 *
 * This module and its stylesheet are fetched when a reading is first opened in the studio
 * (LessonEditor imports it lazily), so neither reaches a learner's page.
 */
export default function ReadingEditor({
  value,
  onChange,
  editable,
}: {
  value: string;
  onChange: (html: string) => void;
  editable: boolean;
}) {
  const { t } = useTranslation('studio');
  const labelId = useId();
  const hintId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false }), Link],
    content: value,
    editable,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': editable ? 'false' : 'true',
        'aria-labelledby': labelId,
        'aria-describedby': hintId,
      },
    },
    // An empty document is an empty reading, not `<p></p>`: nothing looks unsaved after a clear.
    onUpdate: ({ editor: changed }) => onChange(changed.isEmpty ? '' : changed.getHTML()),
  });

  // The server's sanitized copy comes back after a save: the editor shows what was kept.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const shown = editor.isEmpty ? '' : editor.getHTML();
    if (shown !== value) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t('richText.bold'),
    italicControlLabel: t('richText.italic'),
    h2ControlLabel: t('richText.h2'),
    h3ControlLabel: t('richText.h3'),
    h4ControlLabel: t('richText.h4'),
    bulletListControlLabel: t('richText.bulletList'),
    orderedListControlLabel: t('richText.orderedList'),
    blockquoteControlLabel: t('richText.blockquote'),
    linkControlLabel: t('richText.link'),
    unlinkControlLabel: t('richText.unlink'),
    undoControlLabel: t('richText.undo'),
    redoControlLabel: t('richText.redo'),
    linkEditorInputLabel: t('richText.linkAddress'),
    linkEditorInputPlaceholder: 'https://…',
    linkEditorExternalLink: t('richText.linkNewTab'),
    linkEditorInternalLink: t('richText.linkSameTab'),
    linkEditorSave: t('richText.linkSave'),
  };

  return (
    <Input.Wrapper
      labelElement="div"
      label={t('reading.body')}
      description={t('reading.bodyHint')}
      labelProps={{ id: labelId }}
      descriptionProps={{ id: hintId }}
    >
      <RichTextEditor editor={editor} labels={labels} mt={4}>
        {editable ? (
          <RichTextEditor.Toolbar aria-label={t('richText.toolbar')}>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.H2 />
              <RichTextEditor.H3 />
              <RichTextEditor.H4 />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Blockquote />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Link />
              <RichTextEditor.Unlink />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        ) : null}
        <RichTextEditor.Content mih={240} />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
