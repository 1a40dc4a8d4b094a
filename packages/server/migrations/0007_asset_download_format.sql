-- The format a download is recorded as: the asset's own, or `png` for a co-branded SVG template
-- that the partner's browser renders as PNG (the link then serves the SVG it is rendered from).

ALTER TABLE asset_downloads ADD COLUMN format text;
UPDATE asset_downloads d SET format = a.format FROM assets a WHERE a.id = d.asset_id;
ALTER TABLE asset_downloads ALTER COLUMN format SET NOT NULL;
ALTER TABLE asset_downloads ADD CONSTRAINT asset_downloads_format
  CHECK (format IN ('pdf', 'svg', 'png', 'jpg', 'mp4', 'pptx', 'html'));
