/**
 * Error analysis by tags: tags as per-tag bitsets ({@link dev.errata.tags.Tags}) from columns,
 * metadata or a filled tagging sheet, tag expressions, the tagging loop ({@link
 * dev.errata.tags.ErrorSheetWriter}), the per-tag table sorted by potential gain ({@link
 * dev.errata.tags.TagReport}) and pivots ({@link dev.errata.tags.TagPivot}).
 */
package dev.errata.tags;
