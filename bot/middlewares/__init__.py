from bot.middlewares.person import PersonMiddleware
from bot.middlewares.rate_limit import RateLimitMiddleware

__all__ = ["PersonMiddleware", "RateLimitMiddleware"]
