"""In-memory fakes of the services' ports: the use cases run without Django or a database
(docs/architecture.md, "Ports and fakes")."""
