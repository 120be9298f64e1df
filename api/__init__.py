"""The FastAPI service: create_app(settings), routes, dependencies, schemas."""
