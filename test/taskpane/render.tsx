/**
 * Render inside Fluent with Griffel's CSS rules kept in a detached document. jsdom's getComputedStyle walks every
 * rule of the page for each element, and Testing Library's role queries call it for every node: with Fluent's
 * hundreds of atomic rules in the page, one query took seconds. The components and their class names are real.
 */
import * as React from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';

export function renderFluent(ui: React.ReactElement): RenderResult {
  const styleDoc = document.implementation.createHTMLDocument('griffel');
  const renderer = createDOMRenderer(styleDoc);
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      {ui}
    </RendererProvider>,
  );
}
