import { Router } from 'express';
import { GatewayError } from '../errors/index.js';
import { ORDER_SUBJECT, type WorkerDeps } from '../pipeline/index.js';
import { ORDER_KINDS, ORDER_STATUSES } from '../store/index.js';
import { queryChoice, queryLimit, queryText } from './route-params.js';

/**
 * Orders as the core decided on them:
 * - `GET /api/orders?partner=ID&status=&poNumber=&kind=&limit=`: newest first, with their lines.
 * - `GET /api/orders/:id`: one order with its lines, the stock it holds, its exceptions and its
 *   audit trail.
 *
 * @example
 * app.use('/api/orders', orderRoutes(services));
 */
export function orderRoutes(services: WorkerDeps): Router {
  const router = Router();
  const { repositories } = services;

  router.get('/', async (req, res) => {
    const partnerId = queryText(req, 'partner');
    const status = queryChoice(req, 'status', ORDER_STATUSES);
    const kind = queryChoice(req, 'kind', ORDER_KINDS);
    const poNumber = queryText(req, 'poNumber');
    const limit = queryLimit(req);
    const orders = await repositories.orders.list({
      ...(partnerId === undefined ? {} : { partnerId }),
      ...(status === undefined ? {} : { status }),
      ...(kind === undefined ? {} : { kind }),
      ...(poNumber === undefined ? {} : { poNumber }),
      ...(limit === undefined ? {} : { limit }),
    });
    res.json({ orders });
  });

  router.get('/:id', async (req, res) => {
    const id = req.params.id;
    const order = await repositories.orders.get(id);
    if (order === null) {
      throw new GatewayError('not-found', `order ${id} does not exist`, { permanent: true, status: 404 });
    }
    const [reservations, exceptions, audit] = await Promise.all([
      repositories.inventory.reservations(id),
      repositories.exceptions.list({ subjectType: ORDER_SUBJECT, subjectId: id }),
      repositories.audit.list({ type: ORDER_SUBJECT, id }),
    ]);
    res.json({ order, reservations, exceptions, audit });
  });

  return router;
}
