"""Text stages: cleaning scraped Hindi, language identification, near-duplicates and
sentence splitting, with the Hindi helpers they share."""
