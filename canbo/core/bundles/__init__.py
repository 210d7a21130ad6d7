"""Signed bundles between installations: the manifest, its canonical bytes, Ed25519
signatures and the checks of a bundle's records against the sender's subtree (pure)."""
